using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringAlertsAndEmailIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AlertResolvedAtUtc",
                table: "Reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaporNumber",
                table: "Reports",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaporNumber",
                table: "Complaints",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MonitoringSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenHint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringSources_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CurrentKey = table.Column<string>(type: "character varying(212)", maxLength: 212, nullable: true),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    DeviceLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Severity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstSeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimesSeen = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringAlerts_MonitoringSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "MonitoringSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringAlerts_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringAlerts_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_LaporNumber",
                table: "Reports",
                column: "LaporNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_LaporNumber",
                table: "Complaints",
                column: "LaporNumber");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_CurrentKey",
                table: "MonitoringAlerts",
                column: "CurrentKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_OpdId_StartsAtUtc",
                table: "MonitoringAlerts",
                columns: new[] { "OpdId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_ReportId",
                table: "MonitoringAlerts",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringAlerts_SourceId",
                table: "MonitoringAlerts",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringSources_CreatedByUserId",
                table: "MonitoringSources",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringSources_TokenHash",
                table: "MonitoringSources",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringAlerts");

            migrationBuilder.DropTable(
                name: "MonitoringSources");

            migrationBuilder.DropIndex(
                name: "IX_Reports_LaporNumber",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_LaporNumber",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AlertResolvedAtUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "LaporNumber",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "LaporNumber",
                table: "Complaints");
        }
    }
}
