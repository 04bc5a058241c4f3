using System.Security.Cryptography;
using Events.Core.Security;
using Events.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Events.IntegrationTests.Security;

public class SignedCodesTests
{
    private static readonly SignedCodes Codes = new(RandomNumberGenerator.GetBytes(32));
    private static readonly SignedSubject Badge = new(SignedCodePurposes.Badge, 1234, 0);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(31, 2)]
    [InlineData(1234, 0)]
    [InlineData(40_000, 7)]
    [InlineData(int.MaxValue, 1000)]
    public void Genuine_token_and_short_code_verify_and_name_their_subject(int id, int version)
    {
        var subject = new SignedSubject(SignedCodePurposes.Certificate, id, version);
        var token = Codes.Token(subject);
        var shortCode = Codes.ShortCode(subject);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(new SignedCodeClaim(id, version, false), Codes.Parse(token));
        Assert.Equal(new SignedCodeClaim(id, null, true), Codes.Parse(shortCode));
        Assert.Equal(SignedCodeCheck.Valid, Codes.Check(subject.Purpose, id, version, token));
        Assert.Equal(SignedCodeCheck.Valid, Codes.Check(subject.Purpose, id, version, shortCode));
        // Typed in lower case, without dashes or with spaces: the same code.
        Assert.Equal(SignedCodeCheck.Valid, Codes.Check(subject.Purpose, id, version, shortCode.Replace("-", " ").ToLowerInvariant()));
    }

    [Fact]
    public void Short_code_is_grouped_in_the_unambiguous_alphabet()
    {
        var code = Codes.ShortCode(Badge);
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{1,4}$", code);
        Assert.InRange(code.Replace("-", "").Length, 10, 12);
        Assert.DoesNotContain('0', code);
        Assert.DoesNotContain('O', code);
        Assert.DoesNotContain('1', code);
        Assert.DoesNotContain('I', code);
    }

    [Fact]
    public void Every_single_character_change_fails()
    {
        foreach (var code in new[] { Codes.Token(Badge), Codes.ShortCode(Badge) })
        {
            var alphabet = code.Contains('-') && code.Length < 20 ? SignedCodes.Alphabet : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            for (var i = 0; i < code.Length; i++)
            {
                if (code[i] == '-' && code.Length < 20) continue;
                foreach (var c in alphabet.Where(c => c != code[i]).Take(6))
                {
                    var tampered = code[..i] + c + code[(i + 1)..];
                    Assert.NotEqual(SignedCodeCheck.Valid, Codes.Check(Badge.Purpose, Badge.SubjectId, Badge.Version, tampered));
                }
            }
        }
    }

    [Fact]
    public void A_code_edited_to_name_another_subject_fails_for_that_subject()
    {
        var other = Badge with { SubjectId = Badge.SubjectId + 1 };
        var forgedShort = Codes.ShortCode(other)[..^5] + Codes.ShortCode(Badge)[^5..];
        Assert.Equal(other.SubjectId, Codes.Parse(forgedShort)!.SubjectId);
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(Badge.Purpose, other.SubjectId, 0, forgedShort));
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(Badge.Purpose, other.SubjectId, 0, Codes.Token(Badge)));
    }

    [Fact]
    public void A_code_for_another_purpose_fails()
    {
        var token = Codes.Token(Badge);
        var shortCode = Codes.ShortCode(Badge);
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(SignedCodePurposes.Certificate, Badge.SubjectId, 0, token));
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(SignedCodePurposes.Certificate, Badge.SubjectId, 0, shortCode));
    }

    [Fact]
    public void A_code_signed_with_another_key_fails()
    {
        var other = new SignedCodes(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(Badge.Purpose, Badge.SubjectId, 0, other.Token(Badge)));
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(Badge.Purpose, Badge.SubjectId, 0, other.ShortCode(Badge)));
    }

    [Fact]
    public void Bumping_the_version_supersedes_old_codes_and_a_future_version_is_refused()
    {
        var oldToken = Codes.Token(Badge);
        var oldShort = Codes.ShortCode(Badge);
        Assert.Equal(SignedCodeCheck.Superseded, Codes.Check(Badge.Purpose, Badge.SubjectId, 1, oldToken));
        Assert.Equal(SignedCodeCheck.Superseded, Codes.Check(Badge.Purpose, Badge.SubjectId, 1, oldShort));
        Assert.Equal(SignedCodeCheck.Valid, Codes.Check(Badge.Purpose, Badge.SubjectId, 1, Codes.Token(Badge with { Version = 1 })));
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(Badge.Purpose, Badge.SubjectId, 0, Codes.Token(Badge with { Version = 1 })));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("0000-0000-00")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("https://example.org/verify/abc")]
    public void Garbage_is_not_a_code(string? text)
    {
        Assert.Null(Codes.Parse(text));
        Assert.Equal(SignedCodeCheck.Invalid, Codes.Check(Badge.Purpose, Badge.SubjectId, 0, text));
    }

    [Fact]
    public void The_key_is_made_once_and_kept_encrypted_beside_the_key_ring()
    {
        var dir = Path.Combine(Path.GetTempPath(), "signed-codes-" + Guid.NewGuid().ToString("N"));
        try
        {
            var protection = DataProtectionProvider.Create(new DirectoryInfo(dir));
            var first = SignedCodeKey.LoadOrCreate(dir, protection);
            var second = SignedCodeKey.LoadOrCreate(dir, DataProtectionProvider.Create(new DirectoryInfo(dir)));
            Assert.Equal(first, second);
            Assert.Equal(32, first.Length);
            var stored = File.ReadAllText(Path.Combine(dir, SignedCodeKey.FileName));
            Assert.DoesNotContain(Convert.ToBase64String(first), stored);
            Assert.Equal(new SignedCodes(first).Token(Badge), new SignedCodes(second).Token(Badge));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
