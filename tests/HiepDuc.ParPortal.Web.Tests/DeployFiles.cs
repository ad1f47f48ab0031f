using System.Text.RegularExpressions;
using System.Xml.Linq;
using Paths = HiepDuc.ParPortal.Web.Tests.Infrastructure.Paths;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The deployment files in deploy/ agree with the portal they deploy: its assembly, its upload limits, its commands.</summary>
public class The_deployment_files_fit_the_portal
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Paths.RepositoryRoot, .. path]));

    private static readonly long MaxUpload = Features.Assignments.AssignmentsController.MaxUpload;

    [Fact]
    public void The_iis_configuration_hosts_in_process_and_lets_a_full_report_through()
    {
        var config = XDocument.Parse(Read("deploy", "windows", "web.config"));
        var module = config.Descendants("aspNetCore").Single();
        Assert.Equal("inprocess", module.Attribute("hostingModel")!.Value);
        Assert.Equal(@".\HiepDuc.ParPortal.Web.dll", module.Attribute("arguments")!.Value);
        Assert.True(long.Parse(config.Descendants("requestLimits").Single().Attribute("maxAllowedContentLength")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= MaxUpload);
        Assert.DoesNotContain("Password=", config.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_systemd_unit_checks_the_configuration_then_starts_the_published_assembly()
    {
        var unit = Read("deploy", "linux", "parportal.service");
        var dll = typeof(Program).Assembly.GetName().Name + ".dll";
        Assert.Contains($"ExecStartPre=/usr/bin/dotnet /opt/parportal/{dll} {Web.Infrastructure.ConfigCheck.Command}", unit, StringComparison.Ordinal);
        Assert.Contains($"ExecStart=/usr/bin/dotnet /opt/parportal/{dll}\n", unit, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nginx_site_passes_a_full_report_and_the_forwarded_headers_the_portal_trusts()
    {
        var site = Read("deploy", "linux", "nginx-parportal.conf");
        var size = Regex.Match(site, @"client_max_body_size (\d+)m;");
        Assert.True(size.Success && long.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 >= MaxUpload);
        Assert.Contains("X-Forwarded-For", site, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto", site, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(site, @"server 10\.0\.0\.1[12]:5000"));
    }

    [Theory]
    [InlineData("linux-x64.pubxml", "linux-x64")]
    [InlineData("win-x64-iis.pubxml", "win-x64")]
    public void The_publish_profiles_build_release_ready_to_run(string profile, string runtime)
    {
        var xml = XDocument.Parse(Read("src", "HiepDuc.ParPortal.Web", "Properties", "PublishProfiles", profile));
        string Value(string name) => xml.Descendants(name).Single().Value;
        Assert.Equal("Release", Value("Configuration"));
        Assert.Equal("true", Value("PublishReadyToRun"));
        Assert.Equal(runtime, Value("RuntimeIdentifier"));
    }
}
