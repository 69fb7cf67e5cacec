namespace PriceGen.Storage.PostgreSql;

/// <summary>
/// The tables, version 1 (docs/storage.md), in their own PostgreSQL schema (<c>pricegen</c> by default). Amounts are
/// unconstrained <c>numeric</c>: exact, any scale, no overflow inside the database.
/// </summary>
internal static class PostgreSqlSchema
{
    public const int Version = 1;

    public const string CreateVersionTable = """
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.schema_version (component text PRIMARY KEY, version integer NOT NULL);
        """;

    // reached_soft_limit is written by every charge: whether that charge is the one that set soft_limit_reported.
    // RETURNING shows only the new row on PostgreSQL 15, so the old flag is carried over in it, under the row lock.
    public const string CreateVersion1 = """
        CREATE TABLE {schema}.spending_months (
            account             text    NOT NULL,
            month               text    NOT NULL,
            currency            text    NOT NULL,
            spent               numeric NOT NULL,
            soft_limit_reported boolean NOT NULL,
            reached_soft_limit  boolean NOT NULL DEFAULT false,
            PRIMARY KEY (account, month)
        );
        CREATE TABLE {schema}.spending_charges (
            account    text        NOT NULL,
            charge_id  text        NOT NULL,
            month      text        NOT NULL,
            amount     numeric     NOT NULL,
            charged_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (account, charge_id)
        );
        CREATE TABLE {schema}.cost_records (
            id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            response_id         text UNIQUE,
            call                text        NOT NULL,
            model_id            text        NOT NULL,
            currency            text        NOT NULL,
            cost                numeric     NOT NULL,
            input_tokens        bigint      NOT NULL,
            output_tokens       bigint      NOT NULL,
            cached_input_tokens bigint      NOT NULL,
            recorded_at         timestamptz NOT NULL,
            requested_model_id  text,
            response_model_id   text,
            match_kind          text
        );
        CREATE TABLE {schema}.unpriced_usage (
            id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            response_id         text UNIQUE,
            call                text        NOT NULL,
            reason              text        NOT NULL,
            model_id            text,
            input_tokens        bigint,
            output_tokens       bigint,
            cached_input_tokens bigint,
            recorded_at         timestamptz NOT NULL,
            requested_model_id  text,
            response_model_id   text
        );
        INSERT INTO {schema}.schema_version (component, version) VALUES ('spending', 1);
        """;
}
