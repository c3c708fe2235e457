using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DeviceRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeviceId",
                table: "Reports",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeviceId",
                table: "ReportDevices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewDeviceId",
                table: "ReportDevices",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeviceReorderLevels",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceReorderLevels", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpdId = table.Column<int>(type: "integer", nullable: true),
                    Building = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Room = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BrandType = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    KodeBarang = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Nup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    MacAddress = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: true),
                    InstalledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WarrantyEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReservedForReportId = table.Column<int>(type: "integer", nullable: true),
                    RepeatFaultFlaggedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepeatFaultDecision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RepeatFaultDecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Devices_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Devices_Reports_ReservedForReportId",
                        column: x => x.ReservedForReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ReorderLevel = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeviceEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceEvents_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeviceEvents_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DeviceId",
                table: "Reports",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDevices_DeviceId",
                table: "ReportDevices",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDevices_NewDeviceId",
                table: "ReportDevices",
                column: "NewDeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceEvents_DeviceId_AtUtc",
                table: "DeviceEvents",
                columns: new[] { "DeviceId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceEvents_Kind_AtUtc",
                table: "DeviceEvents",
                columns: new[] { "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceEvents_ReportId",
                table: "DeviceEvents",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_Kind_Status",
                table: "Devices",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_OpdId_Status",
                table: "Devices",
                columns: new[] { "OpdId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_ReservedForReportId",
                table: "Devices",
                column: "ReservedForReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_SerialNumber",
                table: "Devices",
                column: "SerialNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockItems_Name",
                table: "StockItems",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ReportDevices_Devices_DeviceId",
                table: "ReportDevices",
                column: "DeviceId",
                principalTable: "Devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ReportDevices_Devices_NewDeviceId",
                table: "ReportDevices",
                column: "NewDeviceId",
                principalTable: "Devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Reports_Devices_DeviceId",
                table: "Reports",
                column: "DeviceId",
                principalTable: "Devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReportDevices_Devices_DeviceId",
                table: "ReportDevices");

            migrationBuilder.DropForeignKey(
                name: "FK_ReportDevices_Devices_NewDeviceId",
                table: "ReportDevices");

            migrationBuilder.DropForeignKey(
                name: "FK_Reports_Devices_DeviceId",
                table: "Reports");

            migrationBuilder.DropTable(
                name: "DeviceEvents");

            migrationBuilder.DropTable(
                name: "DeviceReorderLevels");

            migrationBuilder.DropTable(
                name: "StockItems");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DeviceId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportDevices_DeviceId",
                table: "ReportDevices");

            migrationBuilder.DropIndex(
                name: "IX_ReportDevices_NewDeviceId",
                table: "ReportDevices");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "ReportDevices");

            migrationBuilder.DropColumn(
                name: "NewDeviceId",
                table: "ReportDevices");
        }
    }
}
