using System;
using System.Linq;
using PriceGen.Tests.Generated;
using PriceGen.Tokenizers;
using Xunit;

namespace PriceGen.Tests.Tokenizers;

public class ChatCountingTests
{
    // The example conversation of OpenAI's cookbook, "How to count tokens with tiktoken", section 6.
    internal static readonly ChatTurn[] CookbookConversation =
    {
        new("system", "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        new("system", "New synergies will help drive top-line growth.", name: "example_user"),
        new("system", "Things working well together will increase revenue.", name: "example_assistant"),
        new("system", "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.", name: "example_user"),
        new("system", "Let's talk later when we're less busy about how to do better.", name: "example_assistant"),
        new("user", "This late pivot means we don't have time to boil the ocean for the client deliverable."),
    };

    // The prompt_tokens the OpenAI API reported for it, as the cookbook prints them per model.
    [Theory]
    [InlineData("gpt-3.5-turbo-0301", 127)]
    [InlineData("gpt-3.5-turbo-0613", 129)]
    [InlineData("gpt-3.5-turbo", 129)]
    [InlineData("gpt-4-0314", 129)]
    [InlineData("gpt-4-0613", 129)]
    [InlineData("gpt-4", 129)]
    [InlineData("gpt-4o", 124)]
    [InlineData("gpt-4o-mini", 124)]
    public void The_cookbook_conversation_counts_what_the_api_billed(string modelId, long promptTokens)
    {
        Assert.Equal(promptTokens, TokenCounter.For(modelId).CountChat(CookbookConversation));
    }

    [Fact]
    public void A_chat_is_its_texts_plus_the_formats_tokens()
    {
        var counter = TokenCounter.For("gpt-4");
        var texts = CookbookConversation.Sum(m => counter.Count(m.Role) + counter.Count(m.Content) + (m.Name is null ? 0 : counter.Count(m.Name)));

        // Six messages at 3, four names at 1, and 3 to prime the reply.
        Assert.Equal(texts + 6 * 3 + 4 * 1 + 3, counter.CountChat(CookbookConversation));
        Assert.Equal(texts + 6 * 4 - 4 * 1 + 3, counter.CountChat(CookbookConversation, ChatOverhead.Gpt35Turbo0301));
        Assert.Equal(3, counter.CountChat(Array.Empty<ChatTurn>()));
    }

    [Fact]
    public void Estimates_the_catalog_cost_of_a_chat()
    {
        var counter = TokenCounter.For(OpenAIPrices.Chat.Gpt35Turbo.Model);

        var cost = counter.EstimateCost(CookbookConversation, expectedOutputTokens: 71);

        // 129 prompt tokens + 71 output tokens at $0.002 / 1K tokens.
        Assert.Equal(0.0004m, cost);
        Assert.Equal(OpenAIPrices.Chat.Gpt35Turbo.Model.Cost(129, 71), cost);
    }

    [Theory]
    [InlineData("gpt-3.5-turbo-0301", 4, -1)]
    [InlineData("ft:gpt-3.5-turbo-0301:acme::x1", 4, -1)]
    [InlineData("gpt-3.5-turbo-0125", 3, 1)]
    [InlineData("gpt-4-turbo", 3, 1)]
    [InlineData("gpt-4o-2024-08-06", 3, 1)]
    [InlineData("ft:gpt-4o-mini:acme::x1", 3, 1)]
    public void Chat_formats_of_well_known_ids(string id, int perMessage, int perName)
    {
        var overhead = ChatOverhead.For(id)!;

        Assert.Equal(perMessage, overhead.TokensPerMessage);
        Assert.Equal(perName, overhead.TokensPerName);
        Assert.Equal(3, overhead.TokensToPrimeReply);
    }

    [Theory]
    [InlineData("text-davinci-003")]
    [InlineData("text-embedding-3-small")]
    [InlineData("acme-chat")]
    public void A_model_without_a_known_chat_format_needs_an_explicit_one(string id)
    {
        Assert.Null(ChatOverhead.For(id));
        var counter = TokenCounter.For(id, "cl100k_base");

        var error = Assert.Throws<NotSupportedException>(() => counter.CountChat(CookbookConversation));

        Assert.Contains("'" + id + "'", error.Message);
        Assert.Equal(7 + counter.Count("user") + counter.Count("hello"),
            counter.CountChat(new[] { new ChatTurn("user", "hello") }, new ChatOverhead(tokensPerMessage: 4, tokensPerName: 0, tokensToPrimeReply: 3)));
    }

    [Fact]
    public void Microsoft_extensions_ai_messages_count_through_a_selector()
    {
        var messages = CookbookConversation.Select(turn => new Microsoft.Extensions.AI.ChatMessage(new Microsoft.Extensions.AI.ChatRole(turn.Role), turn.Content) { AuthorName = turn.Name });

        var tokens = TokenCounter.For("gpt-4o").CountChat(messages, m => new ChatTurn(m.Role.Value, m.Text, m.AuthorName));

        Assert.Equal(124, tokens);
    }

    [Fact]
    public void Microsoft_extensions_ai_messages_count_and_price_directly()
    {
        var messages = CookbookConversation.Select(turn => new Microsoft.Extensions.AI.ChatMessage(new Microsoft.Extensions.AI.ChatRole(turn.Role), turn.Content) { AuthorName = turn.Name }).ToList();
        var counter = TokenCounter.For(PriceGen.Tests.Generated.OpenAI2026Prices.Chat.Gpt4o.Model);

        Assert.Equal(124, counter.CountChat(messages));
        Assert.Equal(counter.EstimateCost(CookbookConversation, expectedOutputTokens: 10), counter.EstimateCost(messages, expectedOutputTokens: 10));
    }

    [Fact]
    public void A_null_message_is_refused_with_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCounter.For("gpt-4").CountChat(new[] { new ChatTurn("user", "hi"), null! }));

        Assert.Contains("index 1", error.Message);
    }
}
