package no.fristed.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Every row of every table, as H2's SCRIPT command writes them: what a test searches for leaked data. */
public final class DatabaseDump {

    private DatabaseDump() {
    }

    public static String of(AgroalDataSource dataSource) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            try (ResultSet rows = statement.executeQuery("SCRIPT")) {
                while (rows.next()) {
                    dump.append(rows.getString(1)).append('\n');
                }
            }
        }
        return dump.toString();
    }
}
