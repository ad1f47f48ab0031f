using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LatenessFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyText",
                table: "UnitTallies",
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "LateBefore",
                table: "UnitTallies",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AssignedOn",
                table: "Assignments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtensionRequestedOn",
                table: "Assignments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateDays",
                table: "Assignments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ObjectiveCause",
                table: "Assignments",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ObjectiveCauseAt",
                table: "Assignments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectiveCauseBy",
                table: "Assignments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateDays",
                table: "AssignmentEvents",
                type: "int",
                nullable: true);

            // The day the work was given, for the assignments recorded before it was kept: the day (Asia/Ho_Chi_Minh) they
            // were recorded.
            migrationBuilder.Sql("UPDATE [Assignments] SET [AssignedOn] = CAST(SWITCHOFFSET([CreatedAt], '+07:00') AS date);");

            // The unit counters gain a key of their own and a rule (work with no deadline is never on time): they are
            // recounted from the assignments at the next start (DatabaseSetup), not converted.
            migrationBuilder.Sql("""DELETE FROM [UnitTallies];""");

            migrationBuilder.CreateIndex(
                name: "IX_UnitTallies_KeyText",
                table: "UnitTallies",
                column: "KeyText",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnitTallies_KeyText",
                table: "UnitTallies");

            migrationBuilder.DropColumn(
                name: "KeyText",
                table: "UnitTallies");

            migrationBuilder.DropColumn(
                name: "LateBefore",
                table: "UnitTallies");

            migrationBuilder.DropColumn(
                name: "AssignedOn",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ExtensionRequestedOn",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "LateDays",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ObjectiveCause",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ObjectiveCauseAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ObjectiveCauseBy",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "LateDays",
                table: "AssignmentEvents");
        }
    }
}
