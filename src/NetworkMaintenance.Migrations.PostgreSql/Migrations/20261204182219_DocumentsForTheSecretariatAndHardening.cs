using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsForTheSecretariatAndHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_Type_Number",
                table: "IssuedDocuments");

            migrationBuilder.AddColumn<string>(
                name: "FormToken",
                table: "Reports",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkFinishedAtUtc",
                table: "Reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkStartedAtUtc",
                table: "Reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VersionReason",
                table: "IssuedDocuments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploaderIp",
                table: "Attachments",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_FormToken",
                table: "Reports",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Type_Number_Version",
                table: "IssuedDocuments",
                columns: new[] { "Type", "Number", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_UploadedAtUtc_UploaderIp",
                table: "Attachments",
                columns: new[] { "UploadedAtUtc", "UploaderIp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_FormToken",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_Type_Number_Version",
                table: "IssuedDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_UploadedAtUtc_UploaderIp",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "FormToken",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "WorkFinishedAtUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "WorkStartedAtUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "VersionReason",
                table: "IssuedDocuments");

            migrationBuilder.DropColumn(
                name: "UploaderIp",
                table: "Attachments");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Type_Number",
                table: "IssuedDocuments",
                columns: new[] { "Type", "Number" },
                unique: true);
        }
    }
}
