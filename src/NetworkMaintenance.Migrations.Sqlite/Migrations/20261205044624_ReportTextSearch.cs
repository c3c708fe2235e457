using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text search of the report list (ReportTextSearch): an FTS5 index with the trigram tokenizer (substring
            // matches in any case, so part of a number or of an Indonesian word is found) over the searched columns,
            // external content (the text stays in Reports only), kept in step by the triggers below. A later migration
            // that rebuilds the Reports table (SQLite's drop-and-copy for some ALTERs) drops these triggers: recreate
            // them there (ReportTextSearchTests fails otherwise).
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE \"ReportSearch\" USING fts5(\"Number\", \"Location\", \"Description\", \"LaporNumber\", " +
                "content='Reports', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"Reports_Search_Insert\" AFTER INSERT ON \"Reports\" BEGIN " +
                "INSERT INTO \"ReportSearch\"(rowid, \"Number\", \"Location\", \"Description\", \"LaporNumber\") " +
                "VALUES (new.\"Id\", new.\"Number\", new.\"Location\", new.\"Description\", new.\"LaporNumber\"); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"Reports_Search_Delete\" AFTER DELETE ON \"Reports\" BEGIN " +
                "INSERT INTO \"ReportSearch\"(\"ReportSearch\", rowid, \"Number\", \"Location\", \"Description\", \"LaporNumber\") " +
                "VALUES ('delete', old.\"Id\", old.\"Number\", old.\"Location\", old.\"Description\", old.\"LaporNumber\"); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"Reports_Search_Update\" AFTER UPDATE OF \"Number\", \"Location\", \"Description\", \"LaporNumber\" ON \"Reports\" BEGIN " +
                "INSERT INTO \"ReportSearch\"(\"ReportSearch\", rowid, \"Number\", \"Location\", \"Description\", \"LaporNumber\") " +
                "VALUES ('delete', old.\"Id\", old.\"Number\", old.\"Location\", old.\"Description\", old.\"LaporNumber\"); " +
                "INSERT INTO \"ReportSearch\"(rowid, \"Number\", \"Location\", \"Description\", \"LaporNumber\") " +
                "VALUES (new.\"Id\", new.\"Number\", new.\"Location\", new.\"Description\", new.\"LaporNumber\"); END;");
            // The reports already there: one pass over the table (about 30 s of CPU at 1,000,000 reports).
            migrationBuilder.Sql("INSERT INTO \"ReportSearch\"(\"ReportSearch\") VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Reports_Search_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Reports_Search_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Reports_Search_Insert\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ReportSearch\";");
        }
    }
}
