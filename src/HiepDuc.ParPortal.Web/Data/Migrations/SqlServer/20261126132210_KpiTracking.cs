using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class KpiTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ScoreMax",
                table: "KpiDefinitions",
                type: "decimal(9,4)",
                precision: 9,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ScoreThreshold",
                table: "KpiDefinitions",
                type: "decimal(9,4)",
                precision: 9,
                scale: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectiveTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DirectiveId = table.Column<int>(type: "int", nullable: false),
                    KpiId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveTargets_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveTargets_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiReferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    KpiId = table.Column<int>(type: "int", nullable: false),
                    Series = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Rate = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReferences_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeasurementId = table.Column<int>(type: "int", nullable: false),
                    Numerator = table.Column<long>(type: "bigint", nullable: true),
                    Denominator = table.Column<long>(type: "bigint", nullable: true),
                    StatedRate = table.Column<decimal>(type: "decimal(9,4)", precision: 9, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiRevisions_KpiMeasurements_MeasurementId",
                        column: x => x.MeasurementId,
                        principalTable: "KpiMeasurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTargets_DirectiveId",
                table: "DirectiveTargets",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTargets_KpiId",
                table: "DirectiveTargets",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTargets_UnitId",
                table: "DirectiveTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReferences_KpiId_Series",
                table: "KpiReferences",
                columns: new[] { "KpiId", "Series" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiRevisions_MeasurementId",
                table: "KpiRevisions",
                column: "MeasurementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectiveTargets");

            migrationBuilder.DropTable(
                name: "KpiReferences");

            migrationBuilder.DropTable(
                name: "KpiRevisions");

            migrationBuilder.DropColumn(
                name: "ScoreMax",
                table: "KpiDefinitions");

            migrationBuilder.DropColumn(
                name: "ScoreThreshold",
                table: "KpiDefinitions");
        }
    }
}
