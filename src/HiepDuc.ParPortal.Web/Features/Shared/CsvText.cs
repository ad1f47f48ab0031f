namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>Text written into a CSV file that a spreadsheet opens.</summary>
public static class CsvText
{
    /// <summary>
    /// A text that a spreadsheet would read as a formula (it begins with =, +, -, @, a tab or a carriage return) is
    /// written with a leading apostrophe, so a unit named "=HYPERLINK(…)" stays text when the file is opened in Excel.
    /// </summary>
    public static object? Safe(object? value) =>
        value is string { Length: > 0 } s && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : value;
}
