using HiepDuc.ParPortal.Domain.Authorities;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The authority is a record. A database of before — its authority in the configuration and in what the settings page
/// stored — becomes one whose first authority is that configuration, with every other row kept.
/// </summary>
public class The_authority_is_a_record
{
    [Fact]
    public async Task A_fresh_portal_records_the_configured_district_and_reads_its_names_from_the_record()
    {
        using var portal = new PortalFactory();
        var record = await portal.QueryAsync(db => db.Authorities.SingleAsync());
        Assert.Equal(("HIEPDUC", "UBND huyện Hiệp Đức", AuthorityLevel.District, "Hiệp Đức", "VPHDND"), (record.Code, record.Name, record.Level, record.Place, record.OfficeUnitCode));
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync("rec.admin", Roles.Administrator));
        Assert.Contains(record.ShortName, (await admin.GetDocumentAsync("/admin/settings")).QuerySelector(".navbar-brand")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upgraded_database_keeps_every_row_and_its_stored_authority_becomes_the_record()
    {
        using var before = new PortalFactory();
        await before.CreateUserAsync("rec.office", Roles.DistrictOffice, "VPHDND");
        await before.IssueAsync("Q-Office", Domain.Access.ApiScopes.Read);
        await before.QueryAsync(async db =>
        {
            var predecessors = await db.Units.Where(u => Merger2025.Former.Contains(u.Code)).ToListAsync();
            db.Reorganisations.Add(Domain.Units.Reorganisation.Draft(Domain.Units.ReorganisationKind.Merge, "Sáp nhập xã Bình Lâm, Bình Sơn, Quế Thọ, Thăng Phước thành xã Việt An",
                "Nghị quyết 147/NQ-HĐND", Merger2025.Effective, new Domain.Units.Unit("VIETAN", "UBND xã Việt An", Domain.Units.UnitKind.CommuneOrTown, "Việt An"), predecessors,
                new Domain.Common.Actor(null, "Văn phòng"), before.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        // The database as it was: no authority record, the settings page's values stored as settings.
        var counts = await before.QueryAsync(async db =>
        {
            db.Authorities.RemoveRange(await db.Authorities.ToListAsync());
            db.PortalSettings.AddRange(
                new PortalSetting("Authority:Name", "UBND xã Việt An", false), new PortalSetting("Authority:Level", "Commune", false),
                new PortalSetting("Authority:Place", "Việt An", false), new PortalSetting("Authority:ShortName", "CCHC & CĐS Việt An", false));
            await db.SaveChangesAsync();
            return await CountsAsync(db);
        });

        using var after = new Restarted(before.DatabasePath);
        var record = await after.QueryAsync(db => db.Authorities.SingleAsync());
        Assert.Equal(("UBND xã Việt An", AuthorityLevel.Commune, "Việt An", "CCHC & CĐS Việt An"), (record.Name, record.Level, record.Place, record.ShortName));
        Assert.Equal("HIEPDUC", record.Code); // the configured code; the portal's names the office chose are kept
        Assert.False(await after.QueryAsync(db => db.PortalSettings.AnyAsync(s => s.Key.StartsWith("Authority:"))));
        Assert.Equal(counts, await after.QueryAsync(CountsAsync));

        var office = await after.SignedInAsync(await after.CreateUserAsync("rec.office2", Roles.DistrictOffice, "VPHDND"));
        var page = await office.GetDocumentAsync("/notices/1");
        Assert.Contains("CCHC & CĐS Việt An", page.QuerySelector(".navbar-brand")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<string> CountsAsync(ParPortalDbContext db) => string.Join(", ",
        $"notices {await db.Notices.CountAsync()}", $"directives {await db.Directives.CountAsync()}", $"assignments {await db.Assignments.CountAsync()}",
        $"figures {await db.KpiMeasurements.CountAsync()}", $"units {await db.Units.CountAsync()}", $"users {await db.Users.CountAsync()}",
        $"tokens {await db.ApiTokens.CountAsync()}", $"reorganisations {await db.Reorganisations.CountAsync()}", $"audit {await db.AuditEntries.CountAsync(a => a.EntityType != "PortalSetting" && a.EntityType != "Authority")}");

    private sealed class Restarted(string database) : PortalFactory(DefaultNow, database);
}
