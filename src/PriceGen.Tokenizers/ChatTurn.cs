using System;

namespace PriceGen.Tokenizers;

/// <summary>One message of a chat, as the API receives it: a role, the text, and optionally the author's name.</summary>
public sealed class ChatTurn
{
    /// <summary>A message of <paramref name="role"/> (<c>system</c>, <c>user</c>, <c>assistant</c>, …).</summary>
    /// <param name="role">The role, counted as text, as the API formats it.</param>
    /// <param name="content">The message's text.</param>
    /// <param name="name">The author's name (the API's <c>name</c> field), or <see langword="null"/>.</param>
    public ChatTurn(string role, string content, string? name = null)
    {
        Role = role ?? throw new ArgumentNullException(nameof(role));
        Content = content ?? throw new ArgumentNullException(nameof(content));
        Name = name;
    }

    /// <summary>The role, such as <c>user</c>.</summary>
    public string Role { get; }

    /// <summary>The message's text.</summary>
    public string Content { get; }

    /// <summary>The author's name, or <see langword="null"/>.</summary>
    public string? Name { get; }
}
