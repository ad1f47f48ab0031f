namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>Runs a program of the machine (LibreOffice, poppler) to the end and returns what it printed; a failure fails the test.</summary>
public static class Processes
{
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var said = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{program} did not finish");
        Assert.True(process.ExitCode == 0, $"{program}: {said}");
        return said;
    }
}
