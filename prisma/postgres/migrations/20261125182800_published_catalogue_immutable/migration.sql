-- A published catalogue version is immutable: contracts were written against it.
-- The PostgreSQL twin of prisma/migrations/*_published_catalogue_immutable (written by hand: the schema
-- engine does not model triggers); same rules, same SECREQ_IMMUTABLE marker in the error message.

CREATE FUNCTION "secreq_published_catalogue_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_version TEXT;
  new_version TEXT;
BEGIN
  IF TG_TABLE_NAME = 'CatalogueVersion' THEN
    IF OLD."status" = 'published' THEN
      RAISE EXCEPTION 'SECREQ_IMMUTABLE: published catalogue version cannot be changed' USING ERRCODE = 'P0001';
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN old_version := OLD."versionId"; END IF;
    IF TG_OP <> 'DELETE' THEN new_version := NEW."versionId"; END IF;
    IF EXISTS (SELECT 1 FROM "CatalogueVersion" WHERE "status" = 'published' AND "id" IN (old_version, new_version)) THEN
      RAISE EXCEPTION 'SECREQ_IMMUTABLE: published catalogue version cannot be changed' USING ERRCODE = 'P0001';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "CatalogueVersion_published_immutable" BEFORE UPDATE OR DELETE ON "CatalogueVersion"
FOR EACH ROW EXECUTE FUNCTION "secreq_published_catalogue_immutable"();

CREATE TRIGGER "ServiceType_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "ServiceType"
FOR EACH ROW EXECUTE FUNCTION "secreq_published_catalogue_immutable"();

CREATE TRIGGER "Requirement_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "Requirement"
FOR EACH ROW EXECUTE FUNCTION "secreq_published_catalogue_immutable"();
