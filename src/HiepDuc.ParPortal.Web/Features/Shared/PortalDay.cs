using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>Today on the portal's calendar with the signal settings in force: what every rule of <see cref="AssignmentRules"/> is judged on.</summary>
public sealed class PortalDay(TimeProvider clock, IOptionsMonitor<SignalSettings> settings)
{
    public SignalSettings Settings => settings.CurrentValue;

    public SignalDay Today() => new(clock.Today(), settings.CurrentValue);

    public SignalDay On(DateOnly day) => new(day, settings.CurrentValue);
}

/// <summary>The signal settings must make sense before the portal starts.</summary>
internal sealed class SignalSettingsValidation : IValidateOptions<SignalSettings>
{
    public ValidateOptionsResult Validate(string? name, SignalSettings o)
    {
        var errors = new List<string>();
        if (o.StaleDays is < 1 or > SignalSettings.MaxDays)
        {
            errors.Add($"Signals:StaleDays must be 1–{SignalSettings.MaxDays}.");
        }

        if (o.SilentDays is < 1 or > SignalSettings.MaxDays)
        {
            errors.Add($"Signals:SilentDays must be 1–{SignalSettings.MaxDays}.");
        }

        if (o.UrgentAmberDays < 1 || !o.UrgentInOrder || o.UrgentRedDays > SignalSettings.MaxDays)
        {
            errors.Add($"Signals:UrgentAmberDays must be ≥ 1 and below Signals:UrgentRedDays (≤ {SignalSettings.MaxDays}).");
        }

        if (o.CoveragePercent is < 1 or > 100)
        {
            errors.Add("Signals:CoveragePercent must be 1–100.");
        }

        if (o.FigureStaleMonths is < 1 or > SignalSettings.MaxFigureStaleMonths)
        {
            errors.Add($"Signals:FigureStaleMonths must be 1–{SignalSettings.MaxFigureStaleMonths}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
