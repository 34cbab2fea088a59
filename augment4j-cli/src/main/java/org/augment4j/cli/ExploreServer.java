package org.augment4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.augment4j.Compose;
import org.augment4j.Seeds;
import org.augment4j.datasets.DatasetImage;
import org.augment4j.datasets.ObjectAugmenter;
import org.augment4j.opencv.ImageIO;
import org.augment4j.serial.PipelineException;
import org.augment4j.serial.TransformDescriptions;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The web server of {@code augment4j explore}: the page (plain HTML, CSS and JavaScript from the jar) and a small JSON
 * API over the library's registry ({@code list --json}'s descriptions), pipeline files, {@code apply} and preview
 * drawing. It binds the host it is given (127.0.0.1 by default). Requests that change nothing still need the page's
 * own header on POST ({@value #CLIENT_HEADER}) and a {@code Host} that names the server, so that other web pages open
 * in the browser cannot drive it. Every error is a 4xx or 5xx with {@code {"error": …}} (and {@code "path"} for a
 * pipeline problem), never a stack trace.
 *
 * <pre>
 * GET  /                      the page
 * GET  /api/transforms        {"transforms": [description…]}, as list --json
 * GET  /api/examples          {"Resize": {"height": …, "width": …}, …}: the gallery's example parameters, which the page
 *                             starts a transform with (required sizes, visible strengths)
 * GET  /api/images            {"images": [{id, name, source, width, height, objects}…]}
 * GET  /api/images/{id}.png   the image with its labels drawn (?height=PX)
 * POST /api/images            an upload (the raw file; ?name=file.jpg) → the new entry
 * GET  /api/pipeline          {"pipeline": tree or null, "name": …} (--pipeline)
 * POST /api/pipeline/read     a pipeline file's text (JSON or YAML) → {"pipeline": tree, "warnings": […]}
 * POST /api/pipeline/check    {"pipeline": tree} → {"pipeline": tree as written, "warnings": […]}
 * POST /api/pipeline/download {"pipeline": tree, "format": "json"|"yaml"} → the file's text
 * POST /api/render            {"image": id, "pipeline": tree, "seed": n, "count": 1..16, "height": px}
 *                             → {"outputs": [{seed (as a string), png (base64), applied, sha256, width, height, objects}…], "warnings"}
 * </pre>
 */
final class ExploreServer implements AutoCloseable {
    /** The header every POST must carry (the page sends it; a cross-site form cannot). */
    static final String CLIENT_HEADER = "X-Augment4j-Explore";
    /** The most outputs one render request may ask for. */
    static final int MAX_OUTPUTS = 16;
    private static final ObjectMapper JSON = Json.READ;
    private static final String RESOURCES = "/org/augment4j/cli/explore/";

    /** An HTTP error with a message for the page. */
    static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * What the server serves.
     *
     * @param host           the interface to bind (127.0.0.1 unless the user says otherwise)
     * @param port           the port (0: any free one)
     * @param images         the images on offer
     * @param pipelines      how pipelines are read
     * @param initial        the {@code --pipeline} file's pipeline, or null
     * @param initialName    its file name, or null
     * @param maxUploadBytes the largest request body, in bytes
     * @param temp           the server's own temporary folder (uploads, extracted samples), deleted when it stops
     */
    record Config(String host, int port, ExploreImages images, ExplorePipelines pipelines, ExplorePipelines.Read initial, String initialName,
                  long maxUploadBytes, Path temp) {}

    private final Config config;
    private final Javalin app;
    private final Semaphore rendering = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private final List<Map<String, Object>> descriptions;
    private final Map<String, Object> examples = new java.util.TreeMap<>();

    private ExploreServer(Config config) {
        this.config = config;
        this.descriptions = TransformDescriptions.describe().stream().map(TransformDescriptions.Description::toJson).toList();
        GalleryPresets presets = GalleryPresets.load();
        for (String name : presets.names()) {
            if (!presets.of(name).params().isEmpty()) examples.put(name, presets.of(name).params());
        }
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.http.maxRequestSize = config.maxUploadBytes();
            c.routes.before(this::guard);
            c.routes.get("/", ctx -> resource(ctx, "index.html", "text/html; charset=utf-8"));
            c.routes.get("/explore.js", ctx -> resource(ctx, "explore.js", "text/javascript; charset=utf-8"));
            c.routes.get("/explore.css", ctx -> resource(ctx, "explore.css", "text/css; charset=utf-8"));
            c.routes.get("/api/transforms", ctx -> json(ctx, Map.of("transforms", descriptions)));
            c.routes.get("/api/examples", ctx -> json(ctx, examples));
            c.routes.get("/api/images", ctx -> json(ctx, Map.of("images", config.images().list().stream().map(ExploreImages.Entry::toJson).toList())));
            c.routes.get("/api/images/{file}", this::original);
            c.routes.post("/api/images", this::upload);
            c.routes.get("/api/pipeline", this::initial);
            c.routes.post("/api/pipeline/read", ctx -> json(ctx, ExplorePipelines.toJson(config.pipelines().fromText(ctx.body()))));
            c.routes.post("/api/pipeline/check", ctx -> json(ctx, ExplorePipelines.toJson(config.pipelines().fromTree(body(ctx).get("pipeline")))));
            c.routes.post("/api/pipeline/download", this::download);
            c.routes.post("/api/render", this::render);
            c.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status, e.getMessage(), null));
            c.routes.exception(PipelineException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.path()));
            c.routes.exception(Errors.CliException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), null));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), null));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), null));
            c.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("explore: " + ctx.method() + " " + ctx.path() + " failed:");
                e.printStackTrace();
                error(ctx, 500, "internal error (" + e.getClass().getSimpleName() + "); details are in the server's log", null);
            });
            for (int status : new int[] {404, 405, 413}) {
                c.routes.error(status, "*", ctx -> {
                    if (ctx.result() == null || !ctx.result().startsWith("{")) error(ctx, status, reason(status, ctx), null);
                });
            }
        });
    }

    /** Starts a server; {@link #port()} tells where. */
    static ExploreServer start(Config config) {
        ExploreServer s = new ExploreServer(config);
        s.app.start();
        return s;
    }

    /** The port it listens on. */
    int port() {
        return app.port();
    }

    /** The images it offers. */
    ExploreImages images() {
        return config.images();
    }

    /** The page's address. */
    String url() {
        String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + (h.equals("0.0.0.0") ? "127.0.0.1" : h) + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
        ProjectFiles.deleteTree(config.temp());
    }

    /** Refuses a POST without the page's header, and any request whose Host is not this server (DNS rebinding). */
    private void guard(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !hostAllowed(host)) throw new HttpError(403, "Host '" + host + "' is not this server; open " + url());
        if (ctx.method().name().equals("POST") && ctx.header(CLIENT_HEADER) == null) {
            throw new HttpError(403, "POST requests must carry the header " + CLIENT_HEADER + " (the page sends it)");
        }
    }

    /** Any Host when bound beyond loopback on purpose; else only the loopback names. */
    private boolean hostAllowed(String host) {
        if (!Set.of("127.0.0.1", "localhost", "::1").contains(config.host())) return true;
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    private void original(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".png")) throw new HttpError(404, "no such resource: " + ctx.path());
        ExploreImages.Entry e = config.images().get(file.substring(0, file.length() - 4));
        AugmentedPicture p = withRenderSlot(() -> picture(e, Compose.of(), 0, height(ctx.queryParam("height"))));
        ctx.contentType("image/png").result(png(p.picture()));
    }

    private void upload(Context ctx) {
        ExploreImages.Entry e = config.images().upload(ctx.queryParam("name"), ctx.bodyAsBytes());
        json(ctx, e.toJson());
    }

    private void initial(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pipeline", config.initial() == null ? null : ExplorePipelines.toJson(config.initial()).get("pipeline"));
        out.put("warnings", config.initial() == null ? List.of() : config.initial().warnings());
        out.put("name", config.initialName());
        json(ctx, out);
    }

    private void download(Context ctx) {
        Map<String, Object> body = body(ctx);
        Compose c = config.pipelines().fromTree(body.get("pipeline")).compose();
        String format = body.get("format") instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : null;
        String text = ExplorePipelines.download(c, format);
        boolean yaml = !format.equals("json");
        ctx.contentType((yaml ? "application/yaml" : "application/json") + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"pipeline." + (yaml ? "yaml" : "json") + "\"")
                .result(text);
    }

    private void render(Context ctx) {
        Map<String, Object> body = body(ctx);
        ExploreImages.Entry e = config.images().get(string(body, "image"));
        ExplorePipelines.Read read = config.pipelines().fromTree(body.get("pipeline"));
        long seed = number(body, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int count = (int) number(body, "count", 1, 1, MAX_OUTPUTS);
        int height = (int) number(body, "height", 320, 32, 1024);
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long s = count == 1 ? seed : Seeds.mix(seed, i);
            AugmentedPicture p;
            try {
                p = withRenderSlot(() -> picture(e, read.compose(), s, height));
            } catch (IllegalArgumentException | UncheckedIOException ex) {
                throw new HttpError(400, e.name() + " (seed " + s + "): " + Errors.describe(ex));
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("seed", Long.toString(s));   // a string: 64-bit seeds do not survive JavaScript numbers
            o.put("png", Base64.getEncoder().encodeToString(png(p.picture())));
            o.put("applied", p.applied());
            o.put("sha256", p.pixelSha256());
            o.put("width", p.width());
            o.put("height", p.height());
            o.put("objects", p.objects());
            outputs.add(o);
        }
        json(ctx, Map.of("outputs", outputs, "warnings", read.warnings()));
    }

    /** {@code e} augmented by {@code c} with {@code seed}, drawn {@code height} pixels high. */
    static AugmentedPicture picture(ExploreImages.Entry e, Compose c, long seed, int height) {
        ObjectAugmenter augmenter = new ObjectAugmenter(c, e.dataset().flipIndex());
        List<int[]> skeleton = PreviewLabels.skeleton(e.dataset());
        if (e.image() != null) return AugmentedPicture.of(augmenter, e.dataset(), e.image(), seed, skeleton, height);
        try (Mat image = ImageIO.readRgb(e.file())) {   // a plain file: its size is the image's
            DatasetImage plain = new DatasetImage(e.name(), e.file(), image.cols(), image.rows(), List.of(), Map.of());
            return AugmentedPicture.of(augmenter, e.dataset(), plain, image, seed, skeleton, height);
        }
    }

    /** Runs CPU-heavy work on at most one slot per processor, so a burst of requests queues instead of piling up natives. */
    private <T> T withRenderSlot(Supplier<T> w) {
        rendering.acquireUninterruptibly();
        try {
            return w.get();
        } finally {
            rendering.release();
        }
    }

    private static int height(String q) {
        if (q == null) return 320;
        try {
            int h = Integer.parseInt(q);
            if (h >= 32 && h <= 1024) return h;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new HttpError(400, "height must be an integer in [32, 1024], got '" + q + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        Object v;
        try {
            v = JSON.readValue(ctx.bodyAsBytes(), Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(v instanceof Map)) throw new HttpError(400, "request body must be a JSON object");
        return (Map<String, Object>) v;
    }

    private static String string(Map<String, Object> body, String name) {
        if (body.get(name) instanceof String s) return s;
        throw new HttpError(400, name + " must be a string, got " + body.get(name));
    }

    private static long number(Map<String, Object> body, String name, long def, long min, long max) {
        Object v = body.get(name);
        if (v == null) return def;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !(v instanceof Double d && Math.abs(d) >= 0x1p63)
                && n.longValue() >= min && n.longValue() <= max) {
            return n.longValue();
        }
        throw new HttpError(400, name + " must be an integer in [" + min + ", " + max + "], got " + v);
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = ExploreServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new HttpError(404, "no such resource: " + name);
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Context ctx, int status, String message, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message == null ? "error " + status : message);
        if (path != null) m.put("path", path);
        ctx.status(status);
        json(ctx, m);
    }

    private static String reason(int status, Context ctx) {
        return switch (status) {
            case 404 -> "no such resource: " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " not allowed on " + ctx.path();
            default -> "request body too large; the limit is set by --max-upload-mb";
        };
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
