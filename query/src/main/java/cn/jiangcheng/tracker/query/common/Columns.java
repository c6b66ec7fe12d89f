package cn.jiangcheng.tracker.query.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** How every read model stores and reads times (timestamptz, in UTC) and builds its {@code in (…)} and {@code like}. */
public final class Columns {
    private Columns() {
    }

    public static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code like} pattern that finds the text anywhere, its own % and _ taken literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** "?, ?, ?": one bind marker per value. */
    public static String placeholders(Collection<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }
}
