using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LetterAgendaNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LetterAgendaNumber",
                table: "Reports",
                type: "TEXT",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LetterAgendaNumber",
                table: "Reports");
        }
    }
}
