using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CertifiedSignatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Nik",
                table: "AspNetUsers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentSignatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IssuedDocumentId = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Provider = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SignerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SignerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CertificateSubject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CertificateIssuer = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    SignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PreviousPdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    PreviousSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentSignatures_AspNetUsers_SignerUserId",
                        column: x => x.SignerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentSignatures_IssuedDocuments_IssuedDocumentId",
                        column: x => x.IssuedDocumentId,
                        principalTable: "IssuedDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatures_IssuedDocumentId_Sequence",
                table: "DocumentSignatures",
                columns: new[] { "IssuedDocumentId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatures_PreviousSha256",
                table: "DocumentSignatures",
                column: "PreviousSha256");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatures_Sha256",
                table: "DocumentSignatures",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatures_SignerUserId",
                table: "DocumentSignatures",
                column: "SignerUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentSignatures");

            migrationBuilder.DropColumn(
                name: "Nik",
                table: "AspNetUsers");
        }
    }
}
