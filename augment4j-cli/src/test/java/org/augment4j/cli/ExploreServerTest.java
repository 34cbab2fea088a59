package org.augment4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.augment4j.Compose;
import org.augment4j.TestData;
import org.augment4j.serial.PipelineFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The explorer's HTTP API: results, determinism, validation and every safety rule, over real HTTP. */
class ExploreServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BLUR = "{\"__version__\": \"2.0.8\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": ["
            + "{\"__class_fullname__\": \"HorizontalFlip\", \"p\": 1.0}, {\"__class_fullname__\": \"Rotate\", \"limit\": 30, \"p\": 1.0}]}}";

    @TempDir
    static Path dir;
    static ExploreServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("sub"));
        Files.copy(TestData.data("photos/chelsea.png"), images.resolve("sub/cat.png"));
        Files.writeString(images.resolve("notes.txt"), "not an image");
        Path outside = dir.resolve("secret.png");
        Files.copy(TestData.data("photos/coffee.png"), outside);
        Files.createSymbolicLink(images.resolve("link-out.png"), outside);
        server = command("--port", "0", "--images", images.toString(), "--max-upload-mb", "1").start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static ExploreCommand command(String... args) {
        ExploreCommand c = new ExploreCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header(ExploreServer.CLIENT_HEADER, "1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/images?name=" + name)).header(ExploreServer.CLIENT_HEADER, "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return JSON.readValue(r.body(), Map.class);
    }

    static String render(String image, String pipeline, long seed, int count) {
        return "{\"image\": \"" + image + "\", \"pipeline\": " + pipeline + ", \"seed\": " + seed + ", \"count\": " + count + ", \"height\": 96}";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> outputs(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) json(r).get("outputs");
    }

    /** A 4xx/5xx is JSON with an error message and no Java stack trace. */
    static void assertJsonError(HttpResponse<String> r, int status, String containing) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat((String) json(r).get("error")).contains(containing);
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("Exception:");
    }

    @Test
    void bindsLoopbackByDefaultAndNotOtherInterfaces() throws Exception {
        assertThat(command().host).isEqualTo("127.0.0.1");
        assertThat(server.url()).startsWith("http://127.0.0.1:");
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a.isLoopbackAddress() || !(a instanceof Inet4Address)) continue;
                try (Socket s = new Socket(a, server.port())) {
                    throw new AssertionError("reachable on " + a);
                } catch (ConnectException expected) {
                    // refused: not listening there
                }
            }
        }
    }

    @Test
    void servesThePageAndTheRegistryAsListJsonDoes() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/explore.js\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(get("/explore.js").body()).doesNotContain("http://").doesNotContain("https://");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ts = (List<Map<String, Object>>) json(get("/api/transforms")).get("transforms");
        assertThat(ts).extracting(t -> t.get("name")).contains("GridDistortion", "RandomSunFlare", "OneOf");
        assertThat(ts).hasSize(org.augment4j.serial.TransformDescriptions.describe().size());
        Map<String, Object> examples = json(get("/api/examples"));
        assertThat(examples.get("Resize")).isInstanceOf(Map.class);
        String resize = "{\"__version__\": \"2.0.8\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": [dict(Resize)]}}"
                .replace("dict(Resize)", JSON.writeValueAsString(new java.util.LinkedHashMap<>(Map.of("__class_fullname__", "Resize"))).replace("}", ", "
                        + JSON.writeValueAsString(examples.get("Resize")).substring(1)));
        assertThat(outputs(post("/api/render", render("sample:2", resize, 1, 1))).get(0).get("width")).isEqualTo(((Map<?, ?>) examples.get("Resize")).get("width"));
    }

    @Test
    void rendersEachSeedDeterministicallyWithLabelsAndTheAppliedParameters() throws Exception {
        List<Map<String, Object>> a = outputs(post("/api/render", render("sample:0", BLUR, 7, 3)));
        List<Map<String, Object>> b = outputs(post("/api/render", render("sample:0", BLUR, 7, 3)));
        assertThat(a).hasSize(3);
        assertThat(a).extracting(o -> o.get("sha256")).isEqualTo(b.stream().map(o -> o.get("sha256")).toList()).doesNotHaveDuplicates();
        Map<String, Object> first = a.get(0);
        assertThat(first.get("applied").toString()).contains("HorizontalFlip").contains("Rotate").contains("angle");
        assertThat((Integer) first.get("objects")).isPositive();
        BufferedImage png = javax.imageio.ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) first.get("png"))));
        assertThat(png.getHeight()).isEqualTo(96);
        HttpResponse<byte[]> original = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/images/sample:0.png?height=64")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(original.body())).getHeight()).isEqualTo(64);
    }

    @Test
    void badPipelinesGetTheLibrarysMessageAndThePath() throws Exception {
        String bad = BLUR.replace("\"limit\": 30", "\"limit\": [30, 10]").replace("HorizontalFlip", "NoSuchTransform");
        HttpResponse<String> r = post("/api/render", render("sample:0", bad, 1, 1));
        assertJsonError(r, 400, "NoSuchTransform");
        assertThat(json(r).get("path")).isEqualTo("$.transform.transforms[0].__class_fullname__");
        HttpResponse<String> unknownParam = post("/api/pipeline/check", "{\"pipeline\": " + BLUR.replace("\"limit\"", "\"limitt\"") + "}");
        assertJsonError(unknownParam, 400, "unknown parameter 'limitt' for Rotate");
        assertJsonError(post("/api/render", "{\"image\": \"sample:0\", "), 400, "not valid JSON");
        assertJsonError(post("/api/render", render("sample:0", BLUR, 1, 17)), 400, "count must be an integer in [1, 16]");
        assertJsonError(post("/api/render", render("sample:0", "[1, 2]", 1, 1)), 400, "must be a JSON object");
    }

    @Test
    void filesNamedByAPipelineStayInTheServersFolder() throws Exception {
        String fda = "{\"__version__\": \"2.0.8\", \"transform\": {\"__class_fullname__\": \"Compose\", \"p\": 1.0, \"transforms\": ["
                + "{\"__class_fullname__\": \"FDA\", \"reference_images\": [\"" + dir.resolve("secret.png") + "\"], \"p\": 1.0}]}}";
        assertJsonError(post("/api/render", render("sample:0", fda, 1, 1)), 400, "outside");
        assertJsonError(post("/api/render", render("sample:0", fda.replace(dir.resolve("secret.png").toString(), "../../secret.png"), 1, 1)), 400, "outside");
    }

    @Test
    void thePostHeaderAndALoopbackHostAreRequired() throws Exception {
        HttpResponse<String> noHeader = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/render")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(render("sample:0", BLUR, 1, 1))).build(), HttpResponse.BodyHandlers.ofString());
        assertJsonError(noHeader, 403, ExploreServer.CLIENT_HEADER);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET /api/images HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\nConnection: close\r\n\r\n").getBytes());
            String reply = new String(s.getInputStream().readAllBytes());
            assertThat(reply).startsWith("HTTP/1.1 403").contains("is not this server");
        }
    }

    @Test
    void imagesAreOfferedByIdAndTheFolderCannotBeLeft() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) json(get("/api/images")).get("images");
        assertThat(images).filteredOn(i -> i.get("source").equals("sample")).hasSize(4);
        assertThat(images).filteredOn(i -> i.get("source").equals("folder")).extracting(i -> i.get("name")).containsExactly("sub/cat.png");
        for (String id : List.of("folder:1", "../secret.png", "folder:..%2F..%2Fsecret.png", "%2Fetc%2Fpasswd", "sample:99")) {
            assertJsonError(get("/api/images/" + id + ".png"), 404, "");
            assertJsonError(post("/api/render", render(id.replace("%2F", "/"), BLUR, 1, 1)), 404, "no image with id");
        }
        assertThat(outputs(post("/api/render", render("folder:0", BLUR, 3, 1)))).hasSize(1);
    }

    @Test
    void uploadsAreCheckedForSizePixelsAndContent() throws Exception {
        byte[] photo = Files.readAllBytes(TestData.data("photos/chelsea.png"));
        assertThat(photo.length).isLessThan(1 << 20);
        HttpResponse<String> ok = upload("../../evil/cat.png", photo);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        Map<String, Object> entry = json(ok);
        assertThat(entry.get("name")).isEqualTo("cat.png");
        assertThat(outputs(post("/api/render", render((String) entry.get("id"), BLUR, 1, 1)))).hasSize(1);
        assertJsonError(upload("big.png", new byte[(1 << 20) + 10]), 413, "");
        assertJsonError(upload("x.png", "not an image".getBytes()), 400, "not a readable image");
        // A PNG header that claims 100000 x 100000 pixels: refused before decoding, by the library's pixel limit.
        byte[] bomb = pngHeader(100_000, 100_000);
        assertJsonError(upload("bomb.png", bomb), 400, "not a readable image");
    }

    static byte[] pngHeader(int w, int h) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        b.putInt(w).putInt(h).put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 12, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void concurrentRequestsGetTheirOwnResults() throws Exception {
        List<String> sequential = new ArrayList<>();
        for (int i = 0; i < 8; i++) sequential.add((String) outputs(post("/api/render", render("sample:" + i % 4, BLUR, 100 + i, 1))).get(0).get("sha256"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 8; i++) {
                    final int k = i;
                    Callable<String> call = () -> (String) outputs(post("/api/render", render("sample:" + k % 4, BLUR, 100 + k, 1))).get(0).get("sha256");
                    futures.add(pool.submit(call));
                }
            }
            for (int i = 0; i < futures.size(); i++) assertThat(futures.get(i).get()).as("request %d", i).isEqualTo(sequential.get(i % 8));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void downloadsLoadInPipelineFileWithTheSameMeaning() throws Exception {
        HttpResponse<String> j = post("/api/pipeline/download", "{\"format\": \"json\", \"pipeline\": " + BLUR + "}");
        assertThat(j.headers().firstValue("Content-Disposition").orElse("")).contains("pipeline.json");
        Compose fromJson = PipelineFile.fromJson(j.body());
        Compose fromYaml = PipelineFile.fromYaml(post("/api/pipeline/download", "{\"format\": \"yaml\", \"pipeline\": " + BLUR + "}").body());
        assertThat(fromJson.toDict()).isEqualTo(fromYaml.toDict()).isEqualTo(PipelineFile.fromJson(BLUR).toDict());
        String v13 = post("/api/pipeline/download", "{\"format\": \"json\", \"pipeline\": " + BLUR.replace("2.0.8", "1.3.1") + "}").body();
        assertThat(v13).contains("\"__version__\" : \"1.3.1\"").contains("\"value\" : 0").doesNotContain("\"fill\"");
        assertJsonError(post("/api/pipeline/download", "{\"format\": \"xml\", \"pipeline\": " + BLUR + "}"), 400, "format must be json or yaml");
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/pipeline/read")).header(ExploreServer.CLIENT_HEADER, "1")
                .POST(HttpRequest.BodyPublishers.ofString(PipelineFile.toYaml(fromJson))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.writeValueAsString(json(read).get("pipeline"))).contains("HorizontalFlip");
    }

    @Test
    void aPipelineFileGivenOnTheCommandLineOpensForEditing() throws Exception {
        Path article = TestData.root().resolve("../pipelines/article.json").normalize();
        try (ExploreServer s = command("--port", "0", "--pipeline", article.toString()).start()) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/pipeline")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = json(r);
            assertThat(body.get("name")).isEqualTo("article.json");
            Compose opened = PipelineFile.fromTree(JSON.convertValue(body.get("pipeline"), Map.class));
            assertThat(opened.toDict()).isEqualTo(PipelineFile.load(article).toDict());
        }
        assertThat(((Map<?, ?>) json(get("/api/pipeline"))).get("pipeline")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> command("--port", "0", "--format", "coco").start())
                .hasMessageContaining("--format needs --images");
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrors() throws Exception {
        assertJsonError(get("/nope"), 404, "not found");
        assertJsonError(get("/api/images/sample:0.jpg"), 404, "no such resource");
        assertJsonError(get("/api/images/sample:0.png?height=5"), 400, "height must be an integer in [32, 1024]");
    }
}
