package org.augment4j.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.augment4j.AppliedTransform;
import org.augment4j.Compose;
import org.augment4j.Container;
import org.augment4j.Container.Pick;
import org.augment4j.Sample;
import org.augment4j.Transform;
import org.augment4j.serial.PipelineException;
import org.augment4j.transform.BasicTransform;

/**
 * Records a run as Albumentations' replay tree and plays one back. The tree is the pipeline's {@code to_dict} with, on
 * every node, {@code applied} (a single transform: whether it ran; a container: whether any child did) and
 * {@code params} (a single transform: its sampled parameters, or null; a container: {@code {"chosen": [indices]}}, the
 * children it picked in order, or null when it did not go ahead — Albumentations writes null there and ignores it).
 */
final class Replay {
    private Replay() {}

    /** The recording of one node of the pipeline. */
    static final class Node {
        final Transform transform;
        final List<Node> children = new ArrayList<>();
        boolean proceeded;
        List<Pick> picks;
        boolean applied;
        Map<String, Object> params;

        Node(Transform t) {
            transform = t;
            for (Transform c : children(t)) children.add(new Node(c));
        }
    }

    static List<Transform> children(Transform t) {
        if (t instanceof Container c) return c.transforms();
        if (t instanceof Compose c) return c.transforms();
        return List.of();
    }

    // ---- recording

    static Container.Step recorder(Node node, RandomGenerator rng) {
        return new Container.Step() {
            @Override
            public boolean proceeds(BooleanSupplier decide) {
                node.proceeded = decide.getAsBoolean();
                return node.proceeded;
            }

            @Override
            public List<Pick> picks(Supplier<List<Pick>> choose) {
                node.picks = choose.get();
                return node.picks;
            }

            @Override
            public Sample apply(int index, Transform child, Sample sample, boolean always) {
                return record(node.children.get(index), child, sample, always, rng);
            }
        };
    }

    private static Sample record(Node node, Transform t, Sample s, boolean always, RandomGenerator rng) {
        if (t instanceof Container c) return c.applyWith(s, rng, always, recorder(node, rng));
        if (t instanceof Compose c) return c.applyWith(s, rng, always, recorder(node, rng));
        int before = s.applied().size();
        Sample out = always ? t.applyAlways(s, rng) : t.apply(s, rng);
        if (out.applied().size() > before) {
            AppliedTransform last = out.applied().get(out.applied().size() - 1);
            node.applied = true;
            node.params = last.params();
        } else if (out != s) {
            node.applied = true;
            node.params = Map.of();
        }
        return out;
    }

    /** The replay tree of a recorded node. */
    static Map<String, Object> tree(Node node) {
        Transform t = node.transform;
        if (t instanceof Container || t instanceof Compose) {
            List<Object> kids = new ArrayList<>();
            boolean any = false;
            for (Node c : node.children) {
                Map<String, Object> k = tree(c);
                any |= Boolean.TRUE.equals(k.get("applied"));
                kids.add(k);
            }
            Map<String, Object> d = new LinkedHashMap<>(t instanceof Container c ? c.toDict(kids) : ((Compose) t).toDict(kids));
            d.put("params", node.proceeded ? Map.of("chosen", node.picks.stream().map(Pick::index).toList()) : null);
            d.put("applied", any);
            return d;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        if (t instanceof Lambda l) {
            d.put("__class_fullname__", "Lambda");
            d.put("__name__", l.lambdaName());
        } else {
            d.putAll(t.toDict());
        }
        d.put("params", node.applied ? node.params : null);
        d.put("applied", node.applied);
        return d;
    }

    // ---- playing back

    /** The saved tree without {@code applied} and {@code params}: a plain {@code to_dict} tree to build the pipeline from. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> strip(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : saved.entrySet()) {
            if (e.getKey().equals("applied") || e.getKey().equals("params") || e.getKey().equals("id")) continue;
            if (e.getKey().equals("transforms") && e.getValue() instanceof List<?> l) {
                List<Object> kids = new ArrayList<>();
                for (Object o : l) kids.add(o instanceof Map<?, ?> m ? strip((Map<String, Object>) m) : o);
                out.put("transforms", kids);
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    static Sample play(Map<String, Object> node, Transform t, Sample s, RandomGenerator rng, String path) {
        if (t instanceof Container c) return c.applyWith(s, rng, true, player(node, c.transforms(), rng, path));
        if (t instanceof Compose c) return c.applyWith(s, rng, true, player(node, c.transforms(), rng, path));
        if (!applied(node, path)) return s;
        if (t instanceof BasicTransform<?> b) {
            Object params = node.get("params");
            if (params != null && !(params instanceof Map)) throw new PipelineException(path + ".params", "must be an object of parameters, got " + params);
            @SuppressWarnings("unchecked")
            Map<String, Object> forced = params == null ? Map.of() : (Map<String, Object>) params;
            try {
                return b.applyForced(s, rng, forced);
            } catch (PipelineException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new PipelineException(path + ".params", e.getMessage(), e);
            }
        }
        return t.applyAlways(s, rng);
    }

    private static Container.Step player(Map<String, Object> node, List<Transform> children, RandomGenerator rng, String path) {
        Object list = node.get("transforms");
        if (!(list instanceof List<?> kids) || kids.size() != children.size()) {
            throw new PipelineException(path + ".transforms", "the replay does not match the pipeline: expected " + children.size() + " transforms");
        }
        List<Integer> chosen = chosen(node, children.size(), path);
        return new Container.Step() {
            @Override
            public boolean proceeds(BooleanSupplier decide) {
                return chosen != null || applied(node, path);
            }

            @Override
            public List<Pick> picks(Supplier<List<Pick>> choose) {
                List<Pick> out = new ArrayList<>();
                if (chosen == null) for (int i = 0; i < children.size(); i++) out.add(new Pick(i, true));
                else for (int i : chosen) out.add(new Pick(i, true));
                return out;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Sample apply(int index, Transform child, Sample sample, boolean always) {
                Object k = kids.get(index);
                String p = path + ".transforms[" + index + "]";
                if (!(k instanceof Map)) throw new PipelineException(p, "must be an object");
                return play((Map<String, Object>) k, child, sample, rng, p);
            }
        };
    }

    private static boolean applied(Map<String, Object> node, String path) {
        Object a = node.get("applied");
        if (!(a instanceof Boolean b)) throw new PipelineException(path + ".applied", "a replay records applied: true or false on every transform, got " + a);
        return b;
    }

    /** The {@code chosen} indices of a container node, or null when it has none (not recorded here, or not gone ahead). */
    private static List<Integer> chosen(Map<String, Object> node, int size, String path) {
        if (!(node.get("params") instanceof Map<?, ?> params) || params.get("chosen") == null) return null;
        if (!(params.get("chosen") instanceof List<?> l)) throw new PipelineException(path + ".params.chosen", "must be a list of child indices");
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Number n) || n.intValue() < 0 || n.intValue() >= size || n.doubleValue() != n.intValue()) {
                throw new PipelineException(path + ".params.chosen", "must hold child indices in [0, " + size + "), got " + o);
            }
            out.add(n.intValue());
        }
        return out;
    }
}
