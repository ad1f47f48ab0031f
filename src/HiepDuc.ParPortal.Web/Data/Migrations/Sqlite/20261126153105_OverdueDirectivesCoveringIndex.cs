using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OverdueDirectivesCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Directives_RollupDueOn",
                table: "Directives");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_RollupDueOn_IsCancelled",
                table: "Directives",
                columns: new[] { "RollupDueOn", "IsCancelled" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Directives_RollupDueOn_IsCancelled",
                table: "Directives");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_RollupDueOn",
                table: "Directives",
                column: "RollupDueOn");
        }
    }
}
