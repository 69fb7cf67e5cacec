// Prices chosen by a switch: on a model id string, on enum tuples, with a discard arm beside model ids.
namespace Corpus.Switches;

public enum ImageModel { Dalle2, Dalle3 }

public enum ImageSize { Small, Medium, Large }

public static class ImageCosts
{
    public static double PerImage(ImageModel model, ImageSize size) => (model, size) switch
    {
        (ImageModel.Dalle2, ImageSize.Small) => 0.016 /*! PRICE001 dall-e-2 */,
        (ImageModel.Dalle2, ImageSize.Medium) => 0.018 /*! PRICE001 dall-e-2 */,
        (ImageModel.Dalle2, ImageSize.Large) => 0.020 /*! PRICE001 dall-e-2 */,
        (ImageModel.Dalle3, _) => 0.040 /*! PRICE001 dall-e-3 */,
        _ => 0,
    };
}

public static class ChatCosts
{
    public static decimal InputPerThousand(string model) => model switch
    {
        "gpt-4o" => 0.0025m /*! PRICE001 gpt-4o */,
        "gpt-4o-mini" => 0.00015m /*! PRICE001 gpt-4o-mini */,
        "gpt-4.1" or "gpt-4.1-2025-04-14" => 0.002m /*! PRICE001 gpt-4.1 */,
        _ => 0.002m /*! PRICE001 */,
    };

    public static decimal OutputPerMillion(string model)
    {
        switch (model)
        {
            case "gpt-4o":
                return 15m /*! PRICE005 gpt-4o */;
            case "gpt-4o-mini":
                return 0.60m /*! PRICE001 gpt-4o-mini */;
            case "gemini-2.5-pro":
                return 10m /*! PRICE001 gemini-2.5-pro */;
            default:
                return 0m;
        }
    }

    public static int MaxTokens(string model) => model switch
    {
        "gpt-4o" => 16384 /*! none */,
        "gpt-4o-mini" => 16384 /*! none */,
        _ => 4096 /*! none */,
    };

    public static double Temperature(string model) => model switch
    {
        "gpt-4o" => 0.15 /*! none */,
        _ => 1.0 /*! none */,
    };
}
