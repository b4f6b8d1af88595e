/* measures-loader.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "measures-error.h"
#include "measures-loader.h"

#define BUNDLED_URI "resource://" RESOURCE_PREFIX "/measures.json"

/**
 * measures_loader_get_bundled_file:
 *
 * Returns: (transfer full): the dataset that ships with Measures, which
 *   lives in the application's resources
 */
GFile *
measures_loader_get_bundled_file (void)
{
  return g_file_new_for_uri (BUNDLED_URI);
}

static char *
display_name_for_file (GFile *file)
{
  if (g_file_has_uri_scheme (file, "resource"))
    return g_strdup (_("Bundled measures"));

  return g_file_get_parse_name (file);
}

/* Refuse nesting that could exhaust the parser's stack before handing
 * the text to json-glib. Brackets inside strings do not count.
 */
static gboolean
check_depth (const char *data,
             gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MEASURES_LOADER_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static const char *
describe_read_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("the file does not exist");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("this is a folder, not a file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("you do not have permission to read the file");

  return error->message;
}

static void
add_record (MeasuresDataset *dataset,
            JsonNode        *node,
            guint            index)
{
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      measures_dataset_add_problem (dataset,
                                    measures_problem_new (measures_dataset_get_name (dataset),
                                                          index, NULL,
                                                          _("a record must be an object")));
      return;
    }

  measure = measures_measure_new_from_json (json_node_get_object (node), &error);
  if (measure == NULL)
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (object, "id") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "id")) &&
          json_node_get_value_type (json_object_get_member (object, "id")) == G_TYPE_STRING)
        id = json_object_get_string_member (object, "id");

      if (id != NULL && !g_utf8_validate (id, -1, NULL))
        id = NULL;

      measures_dataset_add_problem (dataset,
                                    measures_problem_new (measures_dataset_get_name (dataset),
                                                          index, id, error->message));
      return;
    }

  measures_dataset_add_measure (dataset, measure);
}

static JsonArray *
find_records (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *format;
  JsonNode *records;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                           _("the file must hold a list of measures or an object with “measures”"));
      return NULL;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format != NULL &&
      (!JSON_NODE_HOLDS_VALUE (format) ||
       json_node_get_value_type (format) != G_TYPE_STRING ||
       !g_str_equal (json_node_get_string (format), MEASURES_FORMAT)))
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                   /* Translators: %s is the name of the supported format */
                   _("the file is in a format other than “%s”"), MEASURES_FORMAT);
      return NULL;
    }

  records = json_object_get_member (object, "measures");
  if (records == NULL || !JSON_NODE_HOLDS_ARRAY (records))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                           _("the file must hold a list of measures or an object with “measures”"));
      return NULL;
    }

  return json_node_get_array (records);
}

/**
 * measures_loader_load_bytes:
 * @bytes: the contents of a dataset file
 * @file: (nullable): where they come from
 * @name: the name to show for the dataset in messages
 *
 * Reads a measures-1 dataset. Records that cannot be read are skipped
 * and reported as problems; a file that cannot be read at all gives a
 * dataset with an error and no measures.
 *
 * Returns: (transfer full): the dataset
 */
MeasuresDataset *
measures_loader_load_bytes (GBytes     *bytes,
                            GFile      *file,
                            const char *name)
{
  g_autoptr(MeasuresDataset) dataset = measures_dataset_new (file, name);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *records;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      measures_dataset_take_error (dataset,
                                   g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                        _("the file is empty")));
      return g_steal_pointer (&dataset);
    }

  if (!check_depth (data, length))
    {
      measures_dataset_take_error (dataset,
                                   g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                _("the data is nested more than %d levels deep"),
                                                MEASURES_LOADER_MAX_DEPTH));
      return g_steal_pointer (&dataset);
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      measures_dataset_take_error (dataset,
                                   g_error_new (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                _("not valid JSON: %s"), error->message));
      return g_steal_pointer (&dataset);
    }

  if (json_parser_get_root (parser) == NULL)
    {
      measures_dataset_take_error (dataset,
                                   g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                        _("the file is empty")));
      return g_steal_pointer (&dataset);
    }

  records = find_records (json_parser_get_root (parser), &error);
  if (records == NULL)
    {
      measures_dataset_take_error (dataset, g_steal_pointer (&error));
      return g_steal_pointer (&dataset);
    }

  for (guint i = 0; i < json_array_get_length (records); i++)
    add_record (dataset, json_array_get_element (records, i), i + 1);

  return g_steal_pointer (&dataset);
}

/**
 * measures_loader_load_file:
 * @file: a dataset file
 * @cancellable: (nullable): a cancellable
 *
 * Reads @file synchronously; call it from a thread. See
 * measures_loader_load_bytes().
 *
 * Returns: (transfer full): the dataset
 */
MeasuresDataset *
measures_loader_load_file (GFile        *file,
                           GCancellable *cancellable)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name_for_file (file);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      MeasuresDataset *dataset = measures_dataset_new (file, name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        measures_dataset_take_error (dataset, g_steal_pointer (&error));
      else
        measures_dataset_take_error (dataset,
                                     g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                          describe_read_error (error)));
      return dataset;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return measures_loader_load_bytes (bytes, file, name);
}

void
measures_catalog_free (MeasuresCatalog *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->index);
  g_free (self);
}

/**
 * measures_loader_load_catalog:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @cancellable: (nullable): a cancellable
 *
 * Loads each file in order, merges their measures and indexes them.
 * This blocks: call it from a thread, or from the command line.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL if
 *   cancelled
 */
MeasuresCatalog *
measures_loader_load_catalog (GFile * const *files,
                              guint          n_files,
                              GCancellable  *cancellable)
{
  g_autoptr(MeasuresCatalog) catalog = g_new0 (MeasuresCatalog, 1);
  g_autoptr(GFile) bundled = NULL;

  if (n_files == 0)
    {
      bundled = measures_loader_get_bundled_file ();
      files = &bundled;
      n_files = 1;
    }

  catalog->datasets = g_ptr_array_new_with_free_func (g_object_unref);
  catalog->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);

  for (guint i = 0; i < n_files; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return NULL;

      g_ptr_array_add (catalog->datasets, measures_loader_load_file (files[i], cancellable));
    }

  catalog->measures = measures_datasets_merge (catalog->datasets, catalog->problems);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  catalog->index = measures_index_new (catalog->measures);

  return g_steal_pointer (&catalog);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  MeasuresCatalog *catalog;

  catalog = measures_loader_load_catalog ((GFile * const *) files->pdata, files->len, cancellable);

  if (g_task_return_error_if_cancelled (task))
    {
      measures_catalog_free (catalog);
      return;
    }

  g_task_return_pointer (task, catalog, (GDestroyNotify) measures_catalog_free);
}

/**
 * measures_loader_load_async:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @cancellable: (nullable): a cancellable
 * @callback: called when loading has finished
 * @user_data: data for @callback
 *
 * Runs measures_loader_load_catalog() in a thread.
 */
void
measures_loader_load_async (GFile * const       *files,
                            guint                n_files,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, measures_loader_load_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * measures_loader_load_finish:
 *
 * Returns: (transfer full): the catalog, or %NULL when cancelled
 */
MeasuresCatalog *
measures_loader_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == measures_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * measures_loader_serialize:
 * @measures: (element-type MeasuresMeasure): the measures to write
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): a measures-1 dataset as indented JSON
 */
char *
measures_loader_serialize (GPtrArray *measures,
                           gsize     *length)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) records = json_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < measures->len; i++)
    json_array_add_element (records, measures_measure_to_json (g_ptr_array_index (measures, i)));

  json_object_set_string_member (root, "format", MEASURES_FORMAT);
  json_object_set_array_member (root, "measures", g_steal_pointer (&records));
  node = json_node_init_object (json_node_alloc (), root);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, length);
}
