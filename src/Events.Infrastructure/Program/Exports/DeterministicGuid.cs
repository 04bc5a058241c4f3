using System.Security.Cryptography;
using System.Text;

namespace Events.Infrastructure.Program.Exports;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name gives the same id in every export and version.</summary>
internal static class DeterministicGuid
{
    /// <summary>The namespace of this app's program exports (a fixed random UUID; never change it, ids would change).</summary>
    public static readonly Guid ProgramNamespace = new("3f6b2c1e-8d4a-4b7e-9c05-6a1d2e7f9b34");

    public static Guid Create(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what UUID version 5 is defined with; it is not used for security here.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>frab event guid: stable for a session of an event across program versions.</summary>
    public static Guid Session(string eventSlug, int sessionId) => Create(ProgramNamespace, $"{eventSlug}/session/{sessionId}");

    public static Guid Room(string eventSlug, string roomName) => Create(ProgramNamespace, $"{eventSlug}/room/{roomName}");
}
