package org.augment4j.serial;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML as PyYAML's {@code safe_load} does, into plain maps, lists, strings, numbers, booleans and nulls: YAML 1.1
 * scalars ({@code ~} and {@code null}, {@code yes}/{@code no}, {@code 0x1F}), flow and block style mixed, JSON text, merge
 * keys ({@code <<: *base}), and anchors with their aliases ({@code &id001} / {@code *id001}, which PyYAML's
 * {@code dump} writes whenever one list appears twice), each alias standing for its anchored value. Nothing is ever
 * instantiated from a tag: local tags ({@code !foo}) are ignored, {@code !!python/tuple} (PyYAML's {@code dump} of a
 * tuple) is read as a list, and other global tags ({@code !!javax.script...}) are refused, as PyYAML's
 * {@code safe_load} refuses them.
 *
 * <p>Bounds, so that a hostile file is refused at once instead of exhausting memory or time: aliases may add at most
 * {@link #MAX_ALIAS_VALUES} values to the document (a "billion laughs" file, a few lines that expand to billions of
 * values, is refused before anything is built), a value may not contain itself (a recursive alias), nesting is limited
 * to {@link #MAX_NESTING} levels (aliases included), and numbers must be finite ({@code .nan} and {@code .inf} cannot be
 * the value of any Albumentations parameter). Each alias is resolved to one shared value, as PyYAML does, so the work
 * done is proportional to the text, not to what the aliases expand to.
 */
final class YamlTree {
    /** The most values aliases may add to a document (beyond those written out). */
    static final long MAX_ALIAS_VALUES = 100_000;
    /** The deepest nesting of lists and mappings accepted, aliases expanded. */
    static final int MAX_NESTING = 200;
    /** The most aliases of lists and mappings SnakeYAML's composer accepts; {@link #MAX_ALIAS_VALUES} is the real bound. */
    private static final int MAX_ALIASES = 10_000;

    /** The tag PyYAML's {@code dump} (not {@code safe_dump}) gives a tuple; read as a list. Other global tags are refused, as by {@code safe_load}. */
    private static final String PYTHON_TUPLE = "tag:yaml.org,2002:python/tuple";

    /** What each node expands to: values counted with aliases expanded, and the nesting below it. */
    private record Extent(long values, int depth) {}

    private final Map<Node, Extent> extents = new IdentityHashMap<>();
    private final Map<Node, Boolean> open = new IdentityHashMap<>();
    private final Map<Node, Object> built = new IdentityHashMap<>();
    private final Scalars scalars;

    private YamlTree(Scalars scalars) {
        this.scalars = scalars;
    }

    /**
     * Parses one YAML document.
     *
     * @return the document's value (null for an empty document)
     * @throws PipelineException naming the problem (malformed YAML, an alias expanding too far, recursion, nesting,
     *                           a non-finite number) and where it is
     */
    static Object parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, PipelineFile.MAX_BYTES));
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        options.setTagInspector(tag -> tag.getValue().equals(PYTHON_TUPLE));
        Scalars scalars = new Scalars(options);
        Node root;
        try {
            root = new Yaml(scalars).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new PipelineException("$", "malformed YAML: " + e.getProblem() + at(e.getProblemMark()));
        } catch (YAMLException e) {
            throw new PipelineException("$", "malformed YAML: " + e.getMessage());
        }
        if (root == null) return null;
        YamlTree tree = new YamlTree(scalars);
        tree.measure(root, 1);
        long written = tree.extents.size();
        long expanded = tree.extents.get(root).values();
        if (expanded - written > MAX_ALIAS_VALUES) {
            throw new PipelineException("$", "YAML aliases expand the document to " + (expanded >= Long.MAX_VALUE / 4 ? "more than 10^18" : String.valueOf(expanded))
                    + " values from " + written + " written; at most " + MAX_ALIAS_VALUES + " may come from aliases (a 'billion laughs' file?)");
        }
        return tree.build(root, "$");
    }

    private static String at(Mark m) {
        return m == null ? "" : " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")";
    }

    /** Counts what {@code node} expands to, once per node; refuses recursion and nesting past {@link #MAX_NESTING}. */
    private Extent measure(Node node, int level) {
        Extent known = extents.get(node);
        if (known != null) {
            if (level - 1 + known.depth() > MAX_NESTING) throw tooDeep(node);
            return known;
        }
        if (level > MAX_NESTING) throw tooDeep(node);
        if (open.put(node, Boolean.TRUE) != null) {
            throw new PipelineException("$", "malformed YAML: an alias refers to a value that contains it (a recursive alias)" + at(node.getStartMark()));
        }
        long values = 1;
        int depth = 0;
        for (Node child : children(node)) {
            Extent e = measure(child, level + 1);
            values = saturatedAdd(values, e.values());
            depth = Math.max(depth, e.depth());
        }
        open.remove(node);
        Extent e = new Extent(values, node instanceof ScalarNode ? 1 : depth + 1);
        extents.put(node, e);
        return e;
    }

    private static PipelineException tooDeep(Node node) {
        return new PipelineException("$", "malformed YAML: nested deeper than " + MAX_NESTING + " levels" + at(node.getStartMark()));
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 || s > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : s;
    }

    private static List<Node> children(Node node) {
        List<Node> out = new ArrayList<>();
        if (node instanceof SequenceNode s) out.addAll(s.getValue());
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            }
        }
        return out;
    }

    /** The value of a node, built once however many aliases name it. */
    private Object build(Node node, String path) {
        if (built.containsKey(node)) return built.get(node);
        Object v;
        if (node instanceof ScalarNode s) v = scalar(s, path);
        else if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>(s.getValue().size());
            for (Node item : s.getValue()) list.add(build(item, path + "[" + list.size() + "]"));
            v = list;
        } else v = mapping((MappingNode) node, path);
        built.put(node, v);
        return v;
    }

    /** A mapping: merge keys first (earlier sources win), then its own keys (a repeated key: the last wins, as in PyYAML). */
    private Map<String, Object> mapping(MappingNode node, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!Tag.MERGE.equals(t.getKeyNode().getTag())) continue;
            Node source = t.getValueNode();
            List<Node> sources = source instanceof SequenceNode s ? s.getValue() : List.of(source);
            for (Node n : sources) {
                if (!(n instanceof MappingNode)) throw new PipelineException(path + ".<<", "a merge key (<<) must name a mapping or a list of mappings" + at(n.getStartMark()));
                mapping((MappingNode) n, path).forEach(out::putIfAbsent);
            }
        }
        for (NodeTuple t : node.getValue()) {
            if (Tag.MERGE.equals(t.getKeyNode().getTag())) continue;
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new PipelineException(path, "malformed YAML: a mapping key must be a plain value, not a list or mapping" + at(t.getKeyNode().getStartMark()));
            }
            out.remove(key.getValue());
            out.put(key.getValue(), build(t.getValueNode(), path + "." + key.getValue()));
        }
        return out;
    }

    private Object scalar(ScalarNode node, String path) {
        Object v;
        try {
            v = scalars.construct(node);
        } catch (RuntimeException e) {
            throw new PipelineException(path, "malformed YAML: cannot read '" + node.getValue() + "' as " + node.getTag().getValue() + at(node.getStartMark()));
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            throw new PipelineException(path, "'" + node.getValue() + "' is not a finite number" + at(node.getStartMark()));
        }
        return v;
    }

    /** SnakeYAML's safe scalar construction (YAML 1.1, as PyYAML), for the standard tags only; any other tag is ignored. */
    private static final class Scalars extends SafeConstructor {
        Scalars(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            Tag tag = node.getTag();
            boolean standard = Tag.NULL.equals(tag) || Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag);
            Construct c = standard ? yamlConstructors.get(tag) : null;
            return c == null ? node.getValue() : c.construct(node);
        }
    }
}
