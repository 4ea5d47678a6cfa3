using System.Globalization;
using Spectre.Console;
using UbiOps.Client;

namespace UbiOps.Cli.Rendering;

/// <summary>
/// A table of listed requests, for people. By default it fits <see cref="NarrowWidth"/> columns:
/// ids shortened to their last characters, versions cut, times in the local zone without the
/// date where it repeats the creation's. Wide, it shows every value whole.
/// </summary>
internal static class RequestTable
{
    /// <summary>The widest a default table gets (an 80- or 100-column terminal shows rows unwrapped).</summary>
    public const int NarrowWidth = 100;

    // Enough of a UUID to tell requests apart at a glance. Its end, not its start: time-ordered
    // ids (version 7, as the emulator makes) share their first characters within a second.
    private const int ShortIdLength = 8;
    private const int ShortVersionLength = 12;

    public static void Write(TextWriter writer, IReadOnlyList<DeploymentRequestList> requests, bool wide, TimeZoneInfo timeZone)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "id", "version", "status", "created", "started", "completed" })
        {
            table.AddColumn(column);
        }

        foreach (var r in requests)
        {
            var created = r.TimeCreated;
            table.AddRow(
                Markup.Escape(wide ? r.Id : Tail(r.Id, ShortIdLength)),
                Markup.Escape(wide ? r.Version ?? string.Empty : Cut(r.Version ?? string.Empty, ShortVersionLength)),
                Markup.Escape(r.Status.Value),
                wide ? Full(created) : Short(created, since: null, timeZone),
                wide ? Full(r.TimeStarted) : Short(r.TimeStarted, created, timeZone),
                wide ? Full(r.TimeCompleted) : Short(r.TimeCompleted, created, timeZone));
        }

        // Plain text (no colours) so the table reads the same in a pipe.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = wide ? 400 : NarrowWidth;
        console.Write(table);
        writer.WriteLine(wide || requests.Count == 0
            ? $"{requests.Count} request(s)"
            : $"{requests.Count} request(s); ids cut to their end, {ZoneName(timeZone)} times; --wide shows them whole");
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";

    private static string Tail(string value, int length) => value.Length <= length ? value : "…" + value[^length..];

    private static string Full(DateTimeOffset? time) => time?.ToString(ApiJson.DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;

    // "12-01 14:03:22"; a start or completion on the creation's day as "14:03:22".
    private static string Short(DateTimeOffset? time, DateTimeOffset? since, TimeZoneInfo timeZone)
    {
        if (time is not { } value)
        {
            return string.Empty;
        }

        var local = TimeZoneInfo.ConvertTime(value, timeZone);
        var sameDay = since is { } reference && TimeZoneInfo.ConvertTime(reference, timeZone).Date == local.Date;
        return local.ToString(sameDay ? "HH:mm:ss" : "MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static string ZoneName(TimeZoneInfo timeZone) =>
        timeZone.BaseUtcOffset == TimeSpan.Zero && !timeZone.SupportsDaylightSavingTime ? "UTC" : timeZone.Id;
}
