package org.augment4j.spark;

import java.util.Iterator;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/** Helpers for partition functions over rows. Stateless. */
final class Rows {
    private Rows() {}

    /** {@code rows} mapped one by one through {@code f}, lazily, so a partition never sits in memory. */
    static Iterator<Row> mapped(Iterator<Row> rows, Function<Row, Row> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return f.apply(rows.next());
            }
        };
    }
}
