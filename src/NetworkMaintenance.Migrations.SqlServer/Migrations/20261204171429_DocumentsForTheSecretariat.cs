using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsForTheSecretariat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_Type_Number",
                table: "IssuedDocuments");

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkFinishedAtUtc",
                table: "Reports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkStartedAtUtc",
                table: "Reports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VersionReason",
                table: "IssuedDocuments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Type_Number_Version",
                table: "IssuedDocuments",
                columns: new[] { "Type", "Number", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_Type_Number_Version",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "WorkFinishedAtUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "WorkStartedAtUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "VersionReason",
                table: "IssuedDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Type_Number",
                table: "IssuedDocuments",
                columns: new[] { "Type", "Number" },
                unique: true);
        }
    }
}
