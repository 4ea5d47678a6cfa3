using System.Security.Cryptography;
using System.Text;

namespace UbiOps.Cli.Inputs;

/// <summary>
/// A short hash of an input as written (16 hex digits of its SHA-256): what a run's state records of
/// each input, so a resumed run can prove each result belongs to the same input line.
/// </summary>
internal static class InputFingerprint
{
    public static string Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
