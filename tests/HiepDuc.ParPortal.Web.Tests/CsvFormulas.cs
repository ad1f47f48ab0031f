using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>A unit's name or a code from the address that begins like a formula stays text in the CSV template.</summary>
public class The_csv_template_writes_no_formula(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_unit_named_like_a_formula_and_a_formula_in_the_address_are_written_as_text()
    {
        await factory.QueryAsync(async db =>
        {
            db.Units.Add(new Domain.Units.Unit("FORMULA", "=HYPERLINK(\"http://example.invalid\",\"Phước Gia\")", Domain.Units.UnitKind.CommuneOrTown));
            return await db.SaveChangesAsync();
        });
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("csv.office", Roles.DistrictOffice, "VPHDND"));
        var csv = await office.GetStringAsync(new Uri("/kpis/template.csv?kpi=%2BSUM(A1)", UriKind.Relative));

        var cells = csv.Split('\n').Skip(1).Where(l => l.Length > 0).SelectMany(l => l.Split(',')).Select(c => c.Trim('"', '\r')).ToList();
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(cells, c => c == "'+SUM(A1)");
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@');
        Assert.Contains(cells, c => c.Contains("Hiệp Hòa", StringComparison.Ordinal) && c[0] != '\''); // ordinary names are written as they are
    }
}

/// <summary>
/// Hostile unit names and report texts stay text in every export: the CSV template neutralises them, the workbooks
/// write them as strings (never a formula cell) and the Word report as plain runs (never a field).
/// </summary>
public class Every_export_writes_formulas_as_text(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Hostile = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")";

    [Fact]
    public async Task Workbooks_and_the_Word_report_carry_hostile_names_and_reports_as_text()
    {
        var (assignmentId, noticeId) = await factory.QueryAsync(async db =>
        {
            var unit = new Domain.Units.Unit("HOSTILE", Hostile, Domain.Units.UnitKind.CommuneOrTown);
            db.Units.Add(unit);
            var directive = await db.Directives.Include(d => d.Assignments).Where(d => !d.IsCancelled).OrderBy(d => d.Id).FirstAsync();
            var by = new Domain.Common.Actor(null, "Văn phòng");
            var assignment = directive.Assign(unit, Domain.Assignments.AssignmentRole.Implementing, factory.Clock.GetUtcNow(), by);
            assignment.Report(by, "+cmd|' /C calc'!A0", 30, factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return (assignment.Id, directive.NoticeId);
        });
        Assert.True(assignmentId > 0);
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("export.office", Roles.DistrictOffice, "VPHDND"));

        foreach (var url in new[] { "/assignments/export.xlsx", "/reports/dashboard.xlsx", "/directives/export.xlsx" })
        {
            using var xlsx = new System.IO.Compression.ZipArchive(new MemoryStream(await office.GetByteArrayAsync(new Uri(url, UriKind.Relative))));
            var sheets = xlsx.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || e.FullName == "xl/sharedStrings.xml")
                .Select(e => new StreamReader(e.Open()).ReadToEnd()).ToList();
            Assert.DoesNotContain(sheets, x => System.Text.RegularExpressions.Regex.IsMatch(x, "<(\\w+:)?f[ >]"));
            if (url != "/directives/export.xlsx")
            {
                Assert.Contains(sheets, x => x.Contains("HYPERLINK", StringComparison.Ordinal)); // there, as text
            }
        }

        using var docx = new System.IO.Compression.ZipArchive(new MemoryStream(await office.GetByteArrayAsync(new Uri($"/reports/notices/{noticeId}/report.docx", UriKind.Relative))));
        var document = new StreamReader(docx.GetEntry("word/document.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("HYPERLINK", string.Concat(System.Text.RegularExpressions.Regex.Matches(document, "<w:instrText[^>]*>[^<]*</w:instrText>").Select(m => m.Value)), StringComparison.Ordinal);
        Assert.DoesNotContain("<w:fldSimple w:instr=\"=", document, StringComparison.Ordinal);
    }
}
