using System.Text.RegularExpressions;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The web layer repeats nothing the framework knows: a view or a controller takes a URL from its route (tag helpers,
/// Url.Action, RedirectToAction) and a permission from its policy. The scans read the sources as they are on disk.
/// </summary>
public static partial class WebSources
{
    private static string Web => Path.Combine(Paths.RepositoryRoot, "src", "HiepDuc.ParPortal.Web");

    public static IEnumerable<string> Views() =>
        Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cshtml", SearchOption.AllDirectories);

    public static IEnumerable<string> Controllers() =>
        Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*Controller.cs", SearchOption.AllDirectories);

    /// <summary>
    /// A local address written as text: a quoted "/word…" (an attribute, a C# string, an interpolated string), except a
    /// route template in [Route]/[Http…] or named as a constant for an option that takes a path (the sign-in cookie's), a view path ("/Features/…") and a static file ("~/…"). External links ("//…",
    /// "https://…") do not start with one slash and a letter.
    /// </summary>
    public static IEnumerable<string> HandWrittenUrls(string name, string text) =>
        text.Split('\n').Select((line, i) => (line, i))
            .Where(x => LocalUrl().IsMatch(x.line) && !RouteTemplate().IsMatch(x.line)
                && LocalUrl().Matches(x.line).Any(m => !m.Value.Contains("\"/Features/", StringComparison.Ordinal)))
            .Select(x => $"{name}:{x.i + 1}: {x.line.Trim()}");

    /// <summary>A view that asks for a role instead of a policy.</summary>
    public static IEnumerable<string> RoleChecks(string name, string text) =>
        text.Split('\n').Select((line, i) => (line, i))
            .Where(x => x.line.Contains("IsInRole(", StringComparison.Ordinal))
            .Select(x => $"{name}:{x.i + 1}: {x.line.Trim()}");

    public static List<string> Scan(IEnumerable<string> files, Func<string, string, IEnumerable<string>> scan) =>
        files.SelectMany(f => scan(Path.GetRelativePath(Paths.RepositoryRoot, f), File.ReadAllText(f))).ToList();

    [GeneratedRegex("\\$?\"/[A-Za-z][^\"]*\"")]
    private static partial Regex LocalUrl();

    [GeneratedRegex("^\\s*(\\[(Route|Http(Get|Post|Put|Delete|Patch))\\(|public const string \\w+Path = )")]
    private static partial Regex RouteTemplate();
}

/// <summary>A refusal by a rule of the Domain is answered by DomainErrorFilter, not by a catch in each action.</summary>
public class Domain_errors_are_answered_in_one_place
{
    [Fact]
    public void No_controller_or_command_catches_a_domain_error_itself()
    {
        var web = Path.Combine(Paths.RepositoryRoot, "src", "HiepDuc.ParPortal.Web");
        var found = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Contains("catch (DomainException", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(Paths.RepositoryRoot, x.f)}:{x.i + 1}")
            .ToList();

        // The deadline field reads its own refusal while the form is bound (the reason is beside it); the command line
        // prints a refusal for the operator.
        Assert.Equal(["src/HiepDuc.ParPortal.Web/Features/Shared/DeadlineInput.cs"], found.Select(f => f.Split(':')[0]).Distinct());
    }
}

public class Urls_come_from_routes
{
    [Fact]
    public void No_view_writes_a_local_address_by_hand()
    {
        var found = WebSources.Scan(WebSources.Views(), WebSources.HandWrittenUrls);
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public void No_controller_writes_a_local_address_by_hand()
    {
        var found = WebSources.Scan(WebSources.Controllers(), WebSources.HandWrittenUrls);
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Theory]
    [InlineData("<a href=\"/notices\">x</a>")]
    [InlineData("<form method=\"post\" action=\"/assignments/@Model.Id/report\">")]
    [InlineData("<a href=\"@(id is null ? \"/notices\" : $\"/notices/{id}\")\">")]
    [InlineData("        return Redirect($\"/kpis/{id}?period={month}\");")]
    [InlineData("        return LocalRedirect(Url.LocalOr(returnUrl, \"/review\"));")]
    public void The_scan_finds_a_planted_address(string planted)
    {
        Assert.Single(WebSources.HandWrittenUrls("planted", $"@model X\n{planted}\n"));
    }

    [Theory]
    [InlineData("<a asp-controller=\"Notices\" asp-action=\"Details\" asp-route-id=\"@n.Id\">x</a>")]
    [InlineData("<link rel=\"stylesheet\" href=\"~/css/site.css\" />")]
    [InlineData("<partial name=\"/Features/Kpis/_Met.cshtml\" model=\"k.Met\" />")]
    [InlineData("    [HttpGet(\"/notices/{id:int}\")]")]
    [InlineData("<a href=\"https://thuvienphapluat.vn\">x</a>")]
    public void The_scan_lets_routes_static_files_and_external_links_be(string line)
    {
        Assert.Empty(WebSources.HandWrittenUrls("allowed", line));
    }
}
