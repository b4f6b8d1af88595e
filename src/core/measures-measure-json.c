/* measures-measure-json.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-measure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-error.h"
#include "measures-measure.h"
#include "measures-measure-private.h"
#include "measures-store.h"
#include "measures-text.h"

/* Reading a measure from json-glib's tree of a record: every key checked,
 * so that one message names all that is wrong; then the measure is made
 * as the loader's reader of plain records makes it. */

static const char * const known_keys[] = {
  "id", "country", "region", "year", "types", "forms",
  "title", "title_derived", "description", "full_text", "source", "more_info", "url",
  "classification", NULL
};

/* Parsing helpers: each reports the key it looked at. */

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
get_string (JsonObject  *object,
            const char  *key,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   /* Translators: %s is a key of a record, such as “country” */
                   _("“%s” must be a text"), key);
      return FALSE;
    }

  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   _("“%s” is not valid UTF-8"), key);
      return FALSE;
    }

  *out = *text != '\0' ? text : NULL;

  return TRUE;
}

/* Adds the texts of @key to @out, each once, borrowed from @object. */
static gboolean
get_strv (JsonObject  *object,
          const char  *key,
          GPtrArray   *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (is_null (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *one = NULL;

      if (!get_string (object, key, &one, error))
        return FALSE;
      if (one != NULL)
        g_ptr_array_add (out, (gpointer) one);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *text;

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            {
              g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                           /* Translators: %s is a key of a record, such as “forms” */
                           _("“%s” must be a text or a list of texts"), key);
              return FALSE;
            }

          text = json_node_get_string (element);
          if (!g_utf8_validate (text, -1, NULL))
            {
              g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                           _("“%s” is not valid UTF-8"), key);
              return FALSE;
            }

          if (*text != '\0' && g_hash_table_add (seen, (gpointer) text))
            g_ptr_array_add (out, (gpointer) text);
        }
    }
  else
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   _("“%s” must be a text or a list of texts"), key);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_localized (JsonObject         *object,
               const char         *key,
               MeasuresStrings    *strings,
               MeasuresLocalized **out,
               GError            **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GError) local_error = NULL;
  MeasuresLocalized *localized;

  if (is_null (node))
    return TRUE;

  localized = measures_localized_from_json_in (node, strings, &local_error);
  if (localized == NULL)
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   /* Translators: “%s” is a key, the second %s what is wrong */
                   _("“%s”: %s"), key, local_error->message);
      return FALSE;
    }

  if (measures_localized_is_empty (localized))
    {
      measures_localized_unref (localized);
      return TRUE;
    }

  *out = localized;

  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *key,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   /* Translators: %s is a key of a record */
                   _("“%s” must be true or false"), key);
      return FALSE;
    }

  *out = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
get_year_number (JsonNode   *node,
                 const char *what,
                 int        *year,
                 GError    **error)
{
  GType type;
  double value;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      ((type = json_node_get_value_type (node)) != G_TYPE_INT64 && type != G_TYPE_DOUBLE))
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   /* Translators: %s is “year” or “year.from” or “year.to” */
                   _("“%s” must be a year number"), what);
      return FALSE;
    }

  value = type == G_TYPE_INT64 ? (double) json_node_get_int (node) : json_node_get_double (node);

  /* The range first: converting 1e19, or the infinity that 1e400 reads
   * as, to an integer is undefined. */
  if (!(value >= MEASURES_YEAR_MIN && value <= MEASURES_YEAR_MAX) || value != (double) (int) value)
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                   _("“%s” must be a whole year between %d and %d"),
                   what, MEASURES_YEAR_MIN, MEASURES_YEAR_MAX);
      return FALSE;
    }

  *year = (int) value;

  return TRUE;
}

static gboolean
get_year (JsonObject  *object,
          int         *from,
          int         *to,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, "year");

  *from = *to = MEASURES_YEAR_NONE;

  if (is_null (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (*text == '\0')
        return TRUE;

      if (!g_utf8_validate (text, -1, NULL) || !measures_parse_period (text, from, to))
        {
          g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                               _("“year” must look like “2018” or “2019 - 2022”"));
          return FALSE;
        }

      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *period = json_node_get_object (node);
      JsonNode *from_node = json_object_get_member (period, "from");
      JsonNode *to_node = json_object_get_member (period, "to");

      if (is_null (from_node))
        {
          g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_MISSING_FIELD,
                               _("“year” has no “from”"));
          return FALSE;
        }

      if (!get_year_number (from_node, "year.from", from, error))
        return FALSE;

      if (!is_null (to_node))
        {
          if (!get_year_number (to_node, "year.to", to, error))
            return FALSE;

          if (*to < *from)
            {
              g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE,
                           _("“year” ends (%d) before it starts (%d)"), *to, *from);
              return FALSE;
            }
        }

      return TRUE;
    }

  if (!get_year_number (node, "year", from, error))
    return FALSE;

  *to = *from;

  return TRUE;
}

/**
 * measures_measure_new_from_json:
 * @object: a record in the measures-1 format
 * @error: return location for an error
 *
 * Builds a measure from one JSON record. `country` is required; every
 * other key is optional but must have the documented type.
 *
 * Returns: (transfer full) (nullable): the measure, or %NULL with
 *   @error set in the %MEASURES_ERROR domain
 */
MeasuresMeasure *
measures_measure_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(MeasuresStrings) strings = measures_strings_new (256);

  return measures_measure_new_from_json_in (object, strings, error);
}

/**
 * measures_measure_new_from_json_in:
 * @strings: where to keep the record's strings; a load passes one store
 *   for all its records
 *
 * As measures_measure_new_from_json(). Call it from the thread that fills
 * @strings.
 */
MeasuresMeasure *
measures_measure_new_from_json_in (JsonObject       *object,
                                   MeasuresStrings  *strings,
                                   GError          **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();
  MeasuresMeasureFields fields = { NULL, };
  MeasuresMeasure *measure;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (strings != NULL, NULL);

  fields.types = types;
  fields.forms = forms;

  /* Every key is checked, so that one message names all that is wrong. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
    GError *local = NULL;

#define CHECK(call) G_STMT_START { if (!(call)) { g_ptr_array_add (problems, local); local = NULL; } } G_STMT_END
    CHECK (get_string (object, "country", &fields.country, &local));
    CHECK (get_string (object, "id", &fields.id, &local));
    CHECK (get_string (object, "region", &fields.region, &local));
    CHECK (get_year (object, &fields.year_from, &fields.year_to, &local));
    CHECK (get_strv (object, "types", types, &local));
    CHECK (get_strv (object, "forms", forms, &local));
    CHECK (get_localized (object, "title", strings, &fields.texts[0], &local));
    CHECK (get_localized (object, "description", strings, &fields.texts[1], &local));
    CHECK (get_localized (object, "full_text", strings, &fields.texts[2], &local));
    CHECK (get_boolean (object, "title_derived", &fields.title_derived, &local));
    CHECK (get_localized (object, "source", strings, &fields.texts[3], &local));
    CHECK (get_localized (object, "more_info", strings, &fields.texts[4], &local));
    CHECK (get_localized (object, "classification", strings, &fields.texts[5], &local));
    CHECK (get_string (object, "url", &fields.url, &local));
#undef CHECK

    if (problems->len > 0)
      {
        g_autoptr(GString) message = g_string_new (NULL);
        const GError *first = g_ptr_array_index (problems, 0);

        for (guint i = 0; i < problems->len; i++)
          g_string_append_printf (message, "%s%s", i > 0 ? "; " : "",
                                  ((GError *) g_ptr_array_index (problems, i))->message);
        g_set_error_literal (error, first->domain, first->code, message->str);
        for (guint i = 0; i < G_N_ELEMENTS (fields.texts); i++)
          g_clear_pointer (&fields.texts[i], measures_localized_unref);
        return NULL;
      }
  }

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (g_strv_contains (known_keys, key))
        continue;

      if (fields.extra == NULL)
        fields.extra = json_object_new ();
      json_object_set_member (fields.extra, key,
                              json_node_copy (json_object_get_member (object, key)));
    }

  measure = _measures_measure_new_from_fields (strings, &fields, error);
  g_clear_pointer (&fields.extra, json_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (fields.texts); i++)
    g_clear_pointer (&fields.texts[i], measures_localized_unref);

  return measure;
}
