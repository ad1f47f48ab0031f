using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DirectiveRollupDueOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_UnitId_Status_LastDayInForce",
                table: "Assignments");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RollupDueOn",
                table: "Directives",
                type: "date",
                nullable: true);

            // Fill the new read model from the assignments (the rule of DirectiveRollupInterceptor).
            migrationBuilder.Sql(@"UPDATE Directives SET RollupDueOn = (
    SELECT MIN(a.LastDayInForce) FROM Assignments a
    WHERE a.DirectiveId = Directives.Id AND a.Status NOT IN ('Submitted', 'Completed', 'Cancelled') AND a.LastDayInForce IS NOT NULL
      AND (a.Role = 'Lead' OR (a.Role = 'Implementing' AND NOT EXISTS (
          SELECT 1 FROM Assignments x WHERE x.DirectiveId = Directives.Id AND x.Role = 'Lead' AND x.Status <> 'Cancelled'))));");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_RollupDueOn",
                table: "Directives",
                column: "RollupDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_UnitId_Status_LastDayInForce_DirectiveId",
                table: "Assignments",
                columns: new[] { "UnitId", "Status", "LastDayInForce", "DirectiveId" });

            // The KPI pages aggregate by (KPI, period): a covering index, created here because EF cannot declare an
            // index on the columns of a complex property (KpiMeasurement.Period) in the model.
            migrationBuilder.CreateIndex(
                name: "IX_KpiMeasurements_KpiId_Period",
                table: "KpiMeasurements",
                columns: new[] { "KpiId", "PeriodStart", "PeriodEnd", "UnitId", "Numerator", "Denominator" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KpiMeasurements_KpiId_Period",
                table: "KpiMeasurements");

            migrationBuilder.DropIndex(
                name: "IX_Directives_RollupDueOn",
                table: "Directives");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_UnitId_Status_LastDayInForce_DirectiveId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "RollupDueOn",
                table: "Directives");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_UnitId_Status_LastDayInForce",
                table: "Assignments",
                columns: new[] { "UnitId", "Status", "LastDayInForce" });
        }
    }
}
