package org.augment4j.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.augment4j.transform.BorderMode;
import org.augment4j.transform.Fill;
import org.augment4j.transform.Interpolation;
import org.augment4j.transform.Range;

/** Turns parameter records into Albumentations-named maps and back, for logs and replay. */
public final class Records {
    private Records() {}

    private static final java.util.regex.Pattern CAMEL_HUMP = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");

    /** A record component's snake_case name and accessor. */
    private record Component(String snakeName, java.lang.reflect.Method accessor) {}

    /**
     * The components of each record class, looked up once: {@link #toMap} runs for every transform of every call (the
     * applied parameters), where reflecting on the class and converting names each time cost microseconds per call.
     */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            Component[] out = new Component[rc.length];
            for (int i = 0; i < rc.length; i++) out[i] = new Component(snake(rc[i].getName()), rc[i].getAccessor());
            return out;
        }
    };

    /** {@code numBits} → {@code num_bits}. */
    public static String snake(String camel) {
        return CAMEL_HUMP.matcher(camel).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The components of a record as a JSON-ready map with snake_case keys. */
    public static Map<String, Object> toMap(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r == null) return out;
        for (Component c : COMPONENTS.get(r.getClass())) {
            try {
                out.put(c.snakeName(), jsonValue(c.accessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** A JSON-ready form of a value: arrays become lists, records become maps. */
    public static Object jsonValue(Object v) {
        if (v instanceof Range r) return r.toList();
        if (v instanceof Interpolation i) return i.cv();
        if (v instanceof BorderMode b) return b.cv();
        if (v instanceof Fill f) return f.toJson();
        if (v instanceof Record rec) return toMap(rec);
        if (v instanceof int[] a) return java.util.Arrays.stream(a).boxed().toList();
        if (v instanceof int[][] a) return java.util.Arrays.stream(a).map(r -> java.util.Arrays.stream(r).boxed().toList()).toList();
        if (v instanceof long[] a) return java.util.Arrays.stream(a).boxed().toList();
        if (v instanceof double[] a) return java.util.Arrays.stream(a).boxed().toList();
        if (v instanceof Object[] a) {
            List<Object> l = new ArrayList<>();
            for (Object o : a) l.add(jsonValue(o));
            return l;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(jsonValue(o));
            return out;
        }
        return v;
    }

    /**
     * A copy of {@code r} with the components named in {@code overrides} (snake_case) replaced. Values are converted to
     * the component types (numbers, booleans, strings, arrays of numbers; a component declared {@code Object}, such as a
     * parameter Albumentations records as a number or a list, takes the JSON value as it is and checks it itself).
     *
     * @throws IllegalArgumentException naming an unknown parameter or a value of the wrong type
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R override(R r, Map<String, Object> overrides, String transformName) {
        RecordComponent[] comps = r.getClass().getRecordComponents();
        Object[] values = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        Map<String, Object> left = new LinkedHashMap<>(overrides);
        try {
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                String key = snake(comps[i].getName());
                values[i] = left.containsKey(key) ? convert(left.remove(key), types[i], transformName, key)
                        : comps[i].getAccessor().invoke(r);
            }
            for (String k : List.copyOf(left.keySet())) {
                if (k.equals("cols") || k.equals("rows") || k.equals("shape")) left.remove(k); // recorded by Albumentations, derived here
            }
            if (!left.isEmpty()) {
                throw new IllegalArgumentException(transformName + ": cannot replay unknown parameter(s) " + left.keySet()
                        + "; known are " + toMap(r).keySet());
            }
            return (R) r.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) throw bad; // the record's own check of a replayed value
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(Object v, Class<?> type, String transform, String key) {
        try {
            if (type == int.class) return ((Number) v).intValue();
            if (type == long.class) return ((Number) v).longValue();
            if (type == double.class) return ((Number) v).doubleValue();
            if (type == boolean.class) return (Boolean) v;
            if (type == String.class) return (String) v;
            if (type == Object.class) return v;
            if (type == double[].class) return ((List<?>) v).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
            if (type == int[].class) return ((List<?>) v).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            if (type == int[][].class) {
                return ((List<?>) v).stream().map(row -> ((List<?>) row).stream().mapToInt(o -> ((Number) o).intValue()).toArray()).toArray(int[][]::new);
            }
        } catch (ClassCastException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(transform + ": replayed parameter '" + key + "' = " + v + " is not a " + type.getSimpleName());
    }
}
