using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaskKeysInAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Key rows used to be audited with their XML, which is secret material: keep the entry, mask the key.
            migrationBuilder.Sql("UPDATE AuditEntries SET Changes = '{\"Xml\":\"***\"}' WHERE EntityType = 'DataProtectionKey';");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
