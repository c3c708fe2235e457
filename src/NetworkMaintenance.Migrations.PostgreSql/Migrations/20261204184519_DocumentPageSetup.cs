using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentPageSetup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BodySizePt",
                table: "DocumentSettings",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<string>(
                name: "Font",
                table: "DocumentSettings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "DejaVuSans");

            migrationBuilder.AddColumn<int>(
                name: "MarginBottomMm",
                table: "DocumentSettings",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "MarginLeftMm",
                table: "DocumentSettings",
                type: "integer",
                nullable: false,
                defaultValue: 25);

            migrationBuilder.AddColumn<int>(
                name: "MarginRightMm",
                table: "DocumentSettings",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<int>(
                name: "MarginTopMm",
                table: "DocumentSettings",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<string>(
                name: "PageNumbers",
                table: "DocumentSettings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "PageOfTotal");

            migrationBuilder.AddColumn<string>(
                name: "Paper",
                table: "DocumentSettings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "A4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodySizePt",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "Font",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "MarginBottomMm",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "MarginLeftMm",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "MarginRightMm",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "MarginTopMm",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "PageNumbers",
                table: "DocumentSettings");

            migrationBuilder.DropColumn(
                name: "Paper",
                table: "DocumentSettings");
        }
    }
}
