using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "LateBefore",
                table: "UnitTallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AssignedOn",
                table: "Assignments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtensionRequestedOn",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateDays",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ObjectiveCause",
                table: "Assignments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ObjectiveCauseAt",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectiveCauseBy",
                table: "Assignments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateDays",
                table: "AssignmentEvents",
                type: "INTEGER",
                nullable: true);

            // The day the work was given, for the assignments recorded before it was kept: the day (Asia/Ho_Chi_Minh) they
            // were recorded. CreatedAt is stored by DateTimeOffsetToBinaryConverter: clock ticks / 1000 in the high bits,
            // the offset in minutes in the low 11.
            migrationBuilder.Sql("""
                UPDATE "Assignments" SET "AssignedOn" = date('0001-01-01', '+' ||
                    ((("CreatedAt" >> 11) * 1000 - ((("CreatedAt" << 53) >> 53) * 600000000) + 252000000000) / 864000000000) || ' days');
                """);

            // The unit counters gain a key of their own and a rule (work with no deadline is never on time): they are
            // recounted from the assignments at the next start (DatabaseSetup), not converted.
            migrationBuilder.Sql("""DELETE FROM "UnitTallies";""");

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
