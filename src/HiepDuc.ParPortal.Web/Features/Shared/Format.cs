using System.Globalization;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Kpis;

namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>Dates and numbers as Vietnamese readers write them: 31/08/2023, 28,72 %.</summary>
public static class Format
{
    public static string Date(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An instant shown in the portal's time zone (Asia/Ho_Chi_Minh).</summary>
    public static string DateTime(DateTimeOffset? instant) =>
        instant is { } i ? PortalCalendar.LocalTime(i).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A percentage with at most two decimals and the culture's decimal separator (a comma in Vietnamese).</summary>
    public static string Percent(decimal? value, RateQualifier qualifier = RateQualifier.Exact, string? above = null)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var number = Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.CurrentCulture);
        return qualifier == RateQualifier.Above ? $"{above ?? ">"} {number} %" : $"{number} %";
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture)} MB",
    };

    public static string Number(long? value) =>
        value?.ToString("#,0", CultureInfo.CurrentCulture) ?? "—";
}
