namespace PriceGen;

/// <summary>The catalog section a model is listed in.</summary>
public enum ModelKind
{
    /// <summary>Chat models (<c>chat:</c>), priced per token.</summary>
    Chat,

    /// <summary>Instruct (completion) models (<c>instruct:</c>), priced per token.</summary>
    Instruct,

    /// <summary>Fine-tunable base models (<c>fine-tuning:</c>), with a training and a usage rate.</summary>
    FineTuning,

    /// <summary>Embedding models (<c>embedding:</c>), priced per token.</summary>
    Embedding,

    /// <summary>Image models (<c>image:</c>), priced per image and resolution.</summary>
    Image,

    /// <summary>Audio models (<c>audio:</c>), priced per duration.</summary>
    Audio,
}
