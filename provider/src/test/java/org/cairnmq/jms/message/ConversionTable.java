package org.cairnmq.jms.message;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The conversion tables of the specification (table 3-2 for properties, 3-7 for stream and map
 * bodies) written out as data: for each written type, a sample value and the set of types it may be
 * read as. A test walks every (row, column) cell.
 */
final class ConversionTable {

    /** A type a value can be read as: one getter or read method. */
    enum Column {
        BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES
    }

    /** A written value and the columns the specification marks for its type. */
    record Row(String label, Object written, Set<Column> readableAs) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final Set<Column> PROPERTY_COLUMNS = EnumSet.complementOf(EnumSet.of(Column.CHAR, Column.BYTES));

    private ConversionTable() {
    }

    /** Rows of table 3-7, with two String rows: one numeric, one boolean. */
    static List<Row> bodyRows() {
        List<Row> rows = new ArrayList<>(propertyRows());
        rows.add(new Row("char", 'c', EnumSet.of(Column.CHAR, Column.STRING)));
        rows.add(new Row("byte[]", new byte[] {1, 2, 3}, EnumSet.of(Column.BYTES)));
        return rows;
    }

    /** Rows of table 3-2. */
    static List<Row> propertyRows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("boolean", true, EnumSet.of(Column.BOOLEAN, Column.STRING)));
        rows.add(new Row("byte", (byte) 7, EnumSet.of(Column.BYTE, Column.SHORT, Column.INT,
            Column.LONG, Column.STRING)));
        rows.add(new Row("short", (short) 300, EnumSet.of(Column.SHORT, Column.INT, Column.LONG,
            Column.STRING)));
        rows.add(new Row("int", 70_000, EnumSet.of(Column.INT, Column.LONG, Column.STRING)));
        rows.add(new Row("long", 5_000_000_000L, EnumSet.of(Column.LONG, Column.STRING)));
        rows.add(new Row("float", 1.5f, EnumSet.of(Column.FLOAT, Column.DOUBLE, Column.STRING)));
        rows.add(new Row("double", 2.25d, EnumSet.of(Column.DOUBLE, Column.STRING)));
        Set<Column> stringColumns = EnumSet.of(Column.BOOLEAN, Column.BYTE, Column.SHORT, Column.INT,
            Column.LONG, Column.FLOAT, Column.DOUBLE, Column.STRING);
        rows.add(new Row("numeric String", "12", stringColumns));
        rows.add(new Row("boolean String", "true", stringColumns));
        return rows;
    }

    /** Every cell of the given rows and columns, as (row, column) arguments. */
    static List<Arguments> cells(List<Row> rows, Set<Column> columns) {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : rows) {
            for (Column column : columns) {
                cells.add(Arguments.of(row, column));
            }
        }
        return cells;
    }

    /**
     * Whether the cell is marked. The String rows are marked for every numeric column, but a String
     * that is not a number throws NumberFormatException there (see {@link #failsNumberFormat}).
     */
    static boolean isMarked(Row row, Column column) {
        return row.readableAs().contains(column);
    }

    /** Whether reading this marked cell fails with NumberFormatException (a non-numeric String). */
    static boolean failsNumberFormat(Row row, Column column) {
        return "true".equals(row.written()) && column != Column.BOOLEAN && column != Column.STRING;
    }

    /** The value a marked cell must read, computed from the Java conversion the table stands for. */
    static Object expected(Object written, Column column) {
        return switch (column) {
            case BOOLEAN -> written instanceof String s ? Boolean.valueOf(s) : written;
            case BYTE -> written instanceof String s ? Byte.valueOf(s) : ((Number) written).byteValue();
            case SHORT -> written instanceof String s ? Short.valueOf(s) : ((Number) written).shortValue();
            case CHAR -> written;
            case INT -> written instanceof String s ? Integer.valueOf(s) : ((Number) written).intValue();
            case LONG -> written instanceof String s ? Long.valueOf(s) : ((Number) written).longValue();
            case FLOAT -> written instanceof String s ? Float.valueOf(s) : ((Number) written).floatValue();
            case DOUBLE -> written instanceof String s ? Double.valueOf(s) : ((Number) written).doubleValue();
            case STRING -> String.valueOf(written);
            case BYTES -> written;
        };
    }
}
