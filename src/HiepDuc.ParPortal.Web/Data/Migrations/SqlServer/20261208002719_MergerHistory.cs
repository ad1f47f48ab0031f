using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MergerHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedDeadline",
                table: "Reorganisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InheritedLateDays",
                table: "Assignments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UnitName",
                table: "AssignmentEvents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // Each past event names the unit it happened to: before a transfer, the unit first given the work.
            migrationBuilder.Sql("""
                UPDATE [AssignmentEvents] SET [UnitName] = (
                    SELECT COALESCE(u.[ShortName], u.[Name]) FROM [Assignments] a JOIN [Units] u ON u.[Id] = CASE
                        WHEN EXISTS (SELECT 1 FROM [AssignmentEvents] t WHERE t.[AssignmentId] = a.[Id] AND t.[Kind] = 'Transferred' AND t.[Id] > [AssignmentEvents].[Id])
                        THEN a.[OriginUnitId] ELSE a.[UnitId] END
                    WHERE a.[Id] = [AssignmentEvents].[AssignmentId]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CarriedDeadline",
                table: "Reorganisations");

            migrationBuilder.DropColumn(
                name: "InheritedLateDays",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "UnitName",
                table: "AssignmentEvents");
        }
    }
}
