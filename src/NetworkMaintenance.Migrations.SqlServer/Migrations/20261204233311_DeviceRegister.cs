using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeviceId",
                table: "ReportDevices",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewDeviceId",
                table: "ReportDevices",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeviceReorderLevels",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceReorderLevels", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OpdId = table.Column<int>(type: "int", nullable: true),
                    Building = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    Room = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    BrandType = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    SerialNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    KodeBarang = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Nup = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    IpAddress = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: true),
                    MacAddress = table.Column<string>(type: "nvarchar(17)", maxLength: 17, nullable: true),
                    InstalledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WarrantyEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReservedForReportId = table.Column<int>(type: "int", nullable: true),
                    RepeatFaultFlaggedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RepeatFaultDecision = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RepeatFaultDecisionNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    ReorderLevel = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DeviceId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReportId = table.Column<int>(type: "int", nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
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
                unique: true,
                filter: "[SerialNumber] IS NOT NULL");

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
