using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>On a fresh clone, years after the notice's deadlines and with no unit having reported, nothing says "on schedule".</summary>
public class A_fresh_portal_years_later(A_fresh_portal_years_later.Factory factory) : IClassFixture<A_fresh_portal_years_later.Factory>
{
    [Fact]
    public async Task Shows_no_directive_green_and_no_assignment_on_schedule()
    {
        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("fresh.chairman", Roles.Chairman));
        var page = await chairman.GetDocumentAsync("/dashboard");
        var lights = page.QuerySelectorAll("#lights tr[data-light]").Select(e => e.GetAttribute("data-light")).ToList();
        Assert.Equal(6, lights.Count);
        Assert.DoesNotContain("Green", lights);
        Assert.Equal(["Amber", "Amber", "Amber", "Red", "Red", "Red"], lights); // 1, 3.a, 3.b stale; 3.c urgent unanswered; 3.d, 3.e overdue
        Assert.Equal("0", page.QuerySelector("[data-tile='InTerm']")!.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-tile='NoDeadline']")!.TextContent);
        Assert.Contains("không xác định, chưa có hạn", page.QuerySelector("#lights")!.TextContent, StringComparison.Ordinal); // not "cần đạt 0 %"

        // Every unit is silent, counted from the assignment day, whether its work has a deadline or not.
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("fresh.office", Roles.DistrictOffice, "VPHDND"));
        var queue = await office.GetDocumentAsync("/review");
        Assert.Equal(58, queue.QuerySelectorAll("#silent [data-assignment]").Length);
        Assert.Contains("Chưa báo cáo lần nào (giao ngày 31/08/2023)", queue.QuerySelector("#silent")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judges_no_district_figure_that_a_few_units_gave_and_shows_its_coverage()
    {
        // 3 of the 16 units give their public-service accounts for 10/2026, all at 100 %.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.ParPortalDbContext>();
            var kpi = await db.KpiDefinitions.SingleAsync(k => k.Code == "PUBLIC_SERVICE_ACCOUNTS");
            foreach (var unit in await db.Units.Where(u => u.Code == "HIEPHOA" || u.Code == "QUETHO" || u.Code == "BINHSON").ToListAsync())
            {
                db.KpiMeasurements.Add(Domain.Kpis.KpiMeasurement.Counted(kpi, unit.Id, Domain.Kpis.KpiPeriod.Month(2026, 10), 20, 20, Domain.Kpis.MeasurementSource.Entered, Domain.Common.Actor.System, factory.Clock.GetUtcNow()));
            }

            await db.SaveChangesAsync();
        }

        var chairman = await factory.SignedInAsync(await factory.CreateUserAsync("fresh.kpi", Roles.Chairman));
        var list = await chairman.GetDocumentAsync("/kpis");
        var row = list.QuerySelector("#kpi-list tr[data-kpi='PUBLIC_SERVICE_ACCOUNTS']")!;
        Assert.Contains("3/16 đơn vị", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ số liệu", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Không đạt", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(">Đạt<", row.InnerHtml, StringComparison.Ordinal);

        var dashboard = await chairman.GetDocumentAsync("/dashboard");
        var panel = dashboard.QuerySelector("#kpi-panel tr[data-kpi='PUBLIC_SERVICE_ACCOUNTS']")!;
        Assert.Contains("3/16 đơn vị", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ số liệu", panel.TextContent, StringComparison.Ordinal);
    }

    public sealed class Factory() : PortalFactory(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.FromHours(7)));
}

/// <summary>The rules live once, in the Domain; the code does not copy them.</summary>
public class The_rules_are_written_once
{
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Paths.RepositoryRoot, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void No_status_is_written_as_a_string_outside_the_migrations()
    {
        var names = string.Join('|', Enum.GetNames<AssignmentStatus>());
        var literal = new Regex($"['\"]({names})['\"]", RegexOptions.CultureInvariant);
        var found = SourceFiles().SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => literal.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Paths.RepositoryRoot, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public void Timing_is_computed_by_the_rule_only()
    {
        var copies = SourceFiles().Where(f => !f.Contains("HiepDuc.ParPortal.Domain", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("LastDayInForce < ", StringComparison.Ordinal) || File.ReadAllText(f).Contains("TimingCode", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Paths.RepositoryRoot, f))
            .ToList();
        Assert.True(copies.Count == 0, string.Join('\n', copies));
    }

    /// <summary>Migrations are only ever added after Initial, the same ones for each provider and in the same order.</summary>
    [Fact]
    public void Both_providers_have_the_same_migrations_after_one_initial()
    {
        static List<string> Of(string provider) =>
            Directory.EnumerateFiles(Path.Combine(Paths.RepositoryRoot, "src", "HiepDuc.ParPortal.Web", "Data", "Migrations", provider), "*.cs")
                .Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal) && !f.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal))
                .Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => f![15..])
                .ToList();
        var sqlite = Of("Sqlite");
        Assert.Equal("Initial.cs", sqlite[0]);
        Assert.Equal(sqlite, Of("SqlServer"));
    }
}
