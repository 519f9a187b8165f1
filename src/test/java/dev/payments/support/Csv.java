package dev.payments.support;

import java.util.ArrayList;
import java.util.List;

/** Reads CSV back in tests. */
public final class Csv {

    private Csv() {
    }

    /**
     * RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks; a quote
     * inside an unquoted field is just a character.
     */
    public static List<List<String>> parse(String csv) {
        return parse(csv, ',');
    }

    /** The same, as a spreadsheet set to another separator (semicolon, tab, pipe) reads it. */
    public static List<List<String>> parse(String csv, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) { // a quote opens a field only at its start
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
