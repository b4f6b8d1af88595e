/* measures-export.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-citation.h"
#include "measures-export.h"
#include "measures-file.h"
#include "measures-pages.h"
#include "measures-summary.h"
#include "measures-text.h"
#include "measures-writer.h"

/* Where every export starts, from the window and from the command line:
 * the table of formats, and a job that writes one summary or one chart
 * to a file, in a thread or in the caller's, through the atomic writer
 * of measures-file.c.
 *
 *   MeasuresExport ─→ format table ─→ writer ─→ stream ─→ measures-file
 *                                      │                 (or memory)
 *          summary formats: measures-summary (the model), then
 *            measures-pages (PDF) or measures-writer (the others)
 *          charts: measures-chart (PNG, SVG)
 *
 * Writers write to a stream as they go: a file's is that of the atomic
 * writer (measures_file_replace_new()), which puts the file in place
 * only once all of it is written, and removes it when the writer fails
 * or is cancelled.
 *
 * Nothing below this file calls back into it.
 *
 * A job tells its progress (a fraction and a short text) as properties.
 * Run with measures_export_async(), the worker thread leaves the figures
 * under a lock and one idle source on the caller's main context copies
 * them into the properties, so notifications come where the caller
 * listens; run with measures_export_write(), they come at once, in the
 * caller's own thread. */

struct _MeasuresExport
{
  GObject parent_instance;

  /* What to write: measures for a summary, an overview for a chart */
  MeasuresExportFormat format;
  GPtrArray *measures;
  MeasuresQuery *query;
  gboolean single;
  char *lang;
  MeasuresSummaryOptions *options; /* the summary's matrix and map */
  MeasuresIndex *index;          /* the overview borrows its labels */
  MeasuresOverview *overview;
  MeasuresChart chart;
  double scale;

  /* Owned references */
  GCancellable *cancellable;     /* the job's own, reset at each run */
  GFile *file;
  GMainContext *context;         /* where an async run tells progress */
  GCancellable *outer;           /* the caller's, which cancels ours */
  gulong outer_handler;

  /* State, read on the caller's context */
  double fraction;
  char *text;
  gint running;                  /* atomic */

  /* Progress not yet told, under the lock */
  GMutex mutex;
  double pending_fraction;
  char *pending_text;
  GSource *progress_source;
};

G_DEFINE_FINAL_TYPE (MeasuresExport, measures_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Progress */

/* Copies the progress left by the worker into the properties; on the
 * caller's context. */
static void
flush_progress (MeasuresExport *self)
{
  double fraction;
  g_autofree char *text = NULL;

  g_mutex_lock (&self->mutex);
  if (self->progress_source != NULL)
    {
      g_source_destroy (self->progress_source);
      g_clear_pointer (&self->progress_source, g_source_unref);
    }
  fraction = self->pending_fraction;
  text = g_steal_pointer (&self->pending_text);
  g_mutex_unlock (&self->mutex);

  g_object_freeze_notify (G_OBJECT (self));
  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (text != NULL && g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
flush_progress_cb (gpointer data)
{
  flush_progress (MEASURES_EXPORT (data));

  return G_SOURCE_REMOVE;
}

/* Says how far the job is, from any thread; @text may be %NULL to keep
 * the last one. */
static void
report (MeasuresExport *self,
        double          fraction,
        const char     *text)
{
  g_mutex_lock (&self->mutex);
  self->pending_fraction = CLAMP (fraction, 0, 1);
  if (text != NULL)
    {
      g_free (self->pending_text);
      self->pending_text = g_strdup (text);
    }

  if (self->context == NULL)
    {
      /* A run in the caller's own thread tells it at once. */
      g_mutex_unlock (&self->mutex);
      flush_progress (self);
      return;
    }

  if (self->progress_source == NULL)
    {
      self->progress_source = g_idle_source_new ();
      g_source_set_priority (self->progress_source, G_PRIORITY_DEFAULT);
      g_source_set_static_name (self->progress_source, "[measures] export progress");
      g_source_set_callback (self->progress_source, flush_progress_cb, g_object_ref (self), g_object_unref);
      g_source_attach (self->progress_source, self->context);
    }
  g_mutex_unlock (&self->mutex);
}

static void
pdf_progress (guint    page,
              guint    n_pages,
              double   laid_out,
              gpointer user_data)
{
  MeasuresExport *self = user_data;
  g_autofree char *text = NULL;

  if (n_pages == 0)
    {
      /* Translators: what an export is doing, shown while it runs: the
       * pages are counted before the first is drawn */
      text = g_strdup_printf (_("Laying out page %u…"), page);
      report (self, 0.2 + 0.2 * laid_out, text);
      return;
    }

  /* Translators: what an export is doing, shown while it runs */
  text = g_strdup_printf (_("Drawing page %u of %u…"), page, n_pages);
  report (self, 0.4 + 0.5 * page / MAX (n_pages, 1), text);
}

static void
records_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  /* Translators: what an export is doing, shown while it runs */
  report (user_data, 0.9 * done / MAX (total, 1), _("Writing the file…"));
}

/* Writers: each writes the document to a stream as it makes it */

typedef gboolean (*Writer) (MeasuresExport  *self,
                            GOutputStream   *out,
                            GCancellable    *cancellable,
                            GError         **error);

static MeasuresSummary *
make_summary (MeasuresExport  *self,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(MeasuresSummary) summary = measures_summary_new_full (self->measures, self->query, self->single,
                                                                  self->lang, NULL, self->options);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  report (self, 0.2, NULL);

  return g_steal_pointer (&summary);
}

static gboolean
write_pdf (MeasuresExport  *self,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(MeasuresSummary) summary = make_summary (self, cancellable, error);

  if (summary == NULL)
    return FALSE;

  return measures_pages_write_pdf_to_stream (summary, out, pdf_progress, self, cancellable, error);
}

static gboolean
write_html (MeasuresExport  *self,
            GOutputStream   *out,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(MeasuresSummary) summary = make_summary (self, cancellable, error);

  if (summary == NULL)
    return FALSE;

  return measures_writer_html_to_stream (summary, out, cancellable, error);
}

static gboolean
write_markdown (MeasuresExport  *self,
                GOutputStream   *out,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(MeasuresSummary) summary = make_summary (self, cancellable, error);

  if (summary == NULL)
    return FALSE;

  return measures_writer_markdown_to_stream (summary, out, cancellable, error);
}

static gboolean
write_csv (MeasuresExport  *self,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  return measures_writer_csv_to_stream (self->measures, self->lang, out, records_progress, self, cancellable, error);
}

static gboolean
write_json (MeasuresExport  *self,
            GOutputStream   *out,
            GCancellable    *cancellable,
            GError         **error)
{
  return measures_writer_json_to_stream (self->measures, out, records_progress, self, cancellable, error);
}

static gboolean
write_citations (MeasuresExport        *self,
                 MeasuresCitationStyle  style,
                 GOutputStream         *out,
                 GCancellable          *cancellable,
                 GError               **error)
{
  return measures_citation_to_stream (self->measures, style, self->lang, out, records_progress, self,
                                      cancellable, error);
}

static gboolean
write_ris (MeasuresExport  *self,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  return write_citations (self, MEASURES_CITATION_RIS, out, cancellable, error);
}

static gboolean
write_bibtex (MeasuresExport  *self,
              GOutputStream   *out,
              GCancellable    *cancellable,
              GError         **error)
{
  return write_citations (self, MEASURES_CITATION_BIBTEX, out, cancellable, error);
}

static gboolean
write_csl_json (MeasuresExport  *self,
                GOutputStream   *out,
                GCancellable    *cancellable,
                GError         **error)
{
  return write_citations (self, MEASURES_CITATION_CSL_JSON, out, cancellable, error);
}

static gboolean
write_bytes (GBytes         *bytes,
             GOutputStream  *out,
             GCancellable   *cancellable,
             GError        **error)
{
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);

  return g_output_stream_write_all (out, data, size, NULL, cancellable, error);
}

static gboolean
write_png (MeasuresExport  *self,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  MeasuresChartStyle style = { FALSE };
  g_autoptr(GBytes) png = measures_chart_to_png (self->overview, self->chart, MEASURES_CHART_IMAGE_WIDTH,
                                                 self->scale, &style, error);

  return write_bytes (png, out, cancellable, error);
}

static gboolean
write_svg (MeasuresExport  *self,
           GOutputStream   *out,
           GCancellable    *cancellable,
           GError         **error)
{
  MeasuresChartStyle style = { FALSE };
  g_autoptr(GBytes) svg = measures_chart_to_svg (self->overview, self->chart, MEASURES_CHART_IMAGE_WIDTH, &style);

  return write_bytes (svg, out, cancellable, error);
}

/* Formats */

/* Every format, once: what the command line, the export dialog and the
 * file choosers know of it, and its writer. The summary formats come
 * first, in the order the export dialog offers them, then the
 * references. A format's name for --format is its first extension
 * unless it has a name of its own (CSL-JSON's files end in .json, which
 * names the dataset). */
static const struct
{
  const char *extensions[3]; /* the first is a new file's */
  const char *name;          /* for --format, when not the extension */
  const char *label;         /* in the export dialog and file choosers */
  gboolean text;             /* can go to standard output */
  gboolean chart;            /* a chart of the overview, not a summary */
  gboolean citation;         /* references to the measures */
  Writer write;
} formats[MEASURES_N_FORMATS] = {
  [MEASURES_FORMAT_PDF] = { { "pdf" }, NULL, N_("PDF document"), FALSE, FALSE, FALSE, write_pdf },
  [MEASURES_FORMAT_HTML] = { { "html", "htm" }, NULL, N_("Web page (HTML)"), TRUE, FALSE, FALSE, write_html },
  [MEASURES_FORMAT_MARKDOWN] = { { "md", "markdown" }, NULL, N_("Markdown"), TRUE, FALSE, FALSE, write_markdown },
  [MEASURES_FORMAT_CSV] = { { "csv" }, NULL, N_("Spreadsheet (CSV)"), TRUE, FALSE, FALSE, write_csv },
  [MEASURES_FORMAT_JSON] = { { "json" }, NULL, N_("Dataset (JSON)"), TRUE, FALSE, FALSE, write_json },
  /* Translators: a file type: references for Zotero, EndNote, … */
  [MEASURES_FORMAT_RIS] = { { "ris" }, NULL, N_("References (RIS)"), TRUE, FALSE, TRUE, write_ris },
  /* Translators: a file type: references for LaTeX */
  [MEASURES_FORMAT_BIBTEX] = { { "bib" }, "bibtex", N_("References (BibTeX)"), TRUE, FALSE, TRUE, write_bibtex },
  /* Translators: a file type: references for citeproc, pandoc, Zotero */
  [MEASURES_FORMAT_CSL_JSON] = { { "json" }, "csl-json", N_("References (CSL-JSON)"), TRUE, FALSE, TRUE,
                                 write_csl_json },
  /* Translators: a file type in the file chooser */
  [MEASURES_FORMAT_PNG] = { { "png" }, NULL, N_("PNG image"), FALSE, TRUE, FALSE, write_png },
  /* Translators: a file type in the file chooser; the labels stay text */
  [MEASURES_FORMAT_SVG] = { { "svg" }, NULL, N_("SVG image, with text"), TRUE, TRUE, FALSE, write_svg },
};

static const char *
format_name (guint format)
{
  return formats[format].name != NULL ? formats[format].name : formats[format].extensions[0];
}

/**
 * measures_export_format_from_name:
 * @name: "pdf", "html", "md", … as given to --format, whatever the case
 * @format: (out): the format
 *
 * Returns: whether @name is the name of a format
 */
gboolean
measures_export_format_from_name (const char           *name,
                                  MeasuresExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  /* A name first, then an extension: "json" is the dataset's. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (format_name (i), name) == 0)
      {
        *format = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint k = 0; k < G_N_ELEMENTS (formats[i].extensions) && formats[i].extensions[k] != NULL; k++)
      if (g_ascii_strcasecmp (formats[i].extensions[k], name) == 0)
        {
          *format = i;
          return TRUE;
        }

  return FALSE;
}

/**
 * measures_export_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: whether @path ends in the extension of a format
 */
gboolean
measures_export_format_from_path (const char           *path,
                                  MeasuresExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, '/') == NULL &&
         measures_export_format_from_name (dot + 1, format);
}

/**
 * measures_export_format_get_name:
 *
 * Returns: the name --format knows @format by: "pdf", "md", …
 */
const char *
measures_export_format_get_name (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, "pdf");

  return format_name (format);
}

/**
 * measures_export_format_get_extension:
 *
 * Returns: the extension of a new file of @format, without the dot
 */
const char *
measures_export_format_get_extension (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, "pdf");

  return formats[format].extensions[0];
}

/**
 * measures_export_format_get_extensions:
 *
 * Returns: (array zero-terminated=1) (transfer none): every extension a
 *   file of @format may have, for a file chooser's filter: "html", "htm"
 */
const char * const *
measures_export_format_get_extensions (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, NULL);

  return formats[format].extensions;
}

/**
 * measures_export_format_get_label:
 *
 * Returns: what @format is called in the interface's language: "PDF
 *   document"
 */
const char *
measures_export_format_get_label (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, NULL);

  return _(formats[format].label);
}

/**
 * measures_export_formats_dup_names:
 * @charts: whether to name the formats of charts too
 *
 * Returns: (transfer full): the names --format takes, as the command
 *   line lists them: "pdf, html, md, csv, json, ris, bibtex or csl-json"
 */
char *
measures_export_formats_dup_names (gboolean charts)
{
  const char *names[MEASURES_N_FORMATS + 1] = { NULL };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (charts || !formats[i].chart)
      names[n++] = format_name (i);

  return measures_text_join_alternatives (names);
}

/**
 * measures_export_format_is_text:
 *
 * Returns: whether @format is text, which standard output can take
 */
gboolean
measures_export_format_is_text (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, FALSE);

  return formats[format].text;
}

/**
 * measures_export_format_is_chart:
 *
 * Returns: whether @format is an image of one chart rather than a summary
 */
gboolean
measures_export_format_is_chart (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, FALSE);

  return formats[format].chart;
}

/**
 * measures_export_format_is_citation:
 *
 * Returns: whether @format holds references to the measures (RIS,
 *   BibTeX, CSL-JSON) rather than the measures themselves
 */
gboolean
measures_export_format_is_citation (MeasuresExportFormat format)
{
  g_return_val_if_fail (format < MEASURES_N_FORMATS, FALSE);

  return formats[format].citation;
}

/* The job */

static void
outer_cancelled_cb (GCancellable *outer,
                    gpointer      user_data)
{
  MeasuresExport *self = user_data;

  g_cancellable_cancel (self->cancellable);
}

/* Takes the job for one run, or says it is running already. */
static gboolean
claim (MeasuresExport *self)
{
  return g_atomic_int_compare_and_exchange (&self->running, FALSE, TRUE);
}

/* Before a run, in the caller's thread. */
static void
begin (MeasuresExport *self,
       GFile          *file,
       GCancellable   *outer,
       GMainContext   *context)
{
  /* What the last run told and nobody read goes. */
  flush_progress (self);
  g_set_object (&self->file, file);
  g_cancellable_reset (self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = context;
  self->outer = outer != NULL ? g_object_ref (outer) : NULL;
  /* Called at once when @outer is already cancelled. */
  if (outer != NULL)
    self->outer_handler = g_cancellable_connect (outer, G_CALLBACK (outer_cancelled_cb), self, NULL);

  /* Translators: what an export is doing, shown while it runs */
  report (self, 0, _("Preparing the export…"));
}

/* After a run, in the thread that ran it. */
static void
end (MeasuresExport *self)
{
  if (self->outer != NULL)
    g_cancellable_disconnect (self->outer, self->outer_handler);
  self->outer_handler = 0;
  g_clear_object (&self->outer);
  g_atomic_int_set (&self->running, FALSE);
}

static GBytes *
make_bytes (MeasuresExport  *self,
            GError         **error)
{
  g_autoptr(GOutputStream) memory = NULL;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;

  memory = g_memory_output_stream_new_resizable ();
  if (!formats[self->format].write (self, memory, self->cancellable, error))
    return NULL;
  g_output_stream_close (memory, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Writes the document into the file as it is made; the file is put in
 * place once it is complete, and is left as it was when anything fails
 * or the job is cancelled. */
static gboolean
run (MeasuresExport  *self,
     GError         **error)
{
  g_autoptr(MeasuresFileReplace) replace = NULL;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  replace = measures_file_replace_new (self->file, self->cancellable, error);
  if (replace == NULL)
    return FALSE;

  if (!formats[self->format].write (self, measures_file_replace_get_stream (replace), self->cancellable, error))
    return FALSE;

  /* Translators: what an export is doing, shown while it runs */
  report (self, 0.9, _("Writing the file…"));
  if (!measures_file_replace_commit (replace, self->cancellable, error))
    return FALSE;
  report (self, 1, NULL);

  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  MeasuresExport *self = source_object;
  GError *error = NULL;
  gboolean done = run (self, &error);

  end (self);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
measures_export_dispose (GObject *object)
{
  MeasuresExport *self = (MeasuresExport *)object;

  g_cancellable_cancel (self->cancellable);
  g_mutex_lock (&self->mutex);
  if (self->progress_source != NULL)
    {
      g_source_destroy (self->progress_source);
      g_clear_pointer (&self->progress_source, g_source_unref);
    }
  g_mutex_unlock (&self->mutex);
  g_clear_pointer (&self->overview, measures_overview_free);
  g_clear_object (&self->index);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->options, measures_summary_options_free);
  g_clear_object (&self->query);
  g_clear_object (&self->file);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (measures_export_parent_class)->dispose (object);
}

static void
measures_export_finalize (GObject *object)
{
  MeasuresExport *self = (MeasuresExport *)object;

  g_clear_object (&self->cancellable);
  g_free (self->lang);
  g_free (self->text);
  g_free (self->pending_text);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (measures_export_parent_class)->finalize (object);
}

static void
measures_export_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MeasuresExport *self = MEASURES_EXPORT (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, measures_export_get_fraction (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, measures_export_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_export_class_init (MeasuresExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = measures_export_dispose;
  object_class->finalize = measures_export_finalize;
  object_class->get_property = measures_export_get_property;

  /**
   * MeasuresExport:fraction:
   *
   * How much of the export is done, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * MeasuresExport:text:
   *
   * What the export is doing, in a few words: "Drawing page 2 of 7…".
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_export_init (MeasuresExport *self)
{
  g_mutex_init (&self->mutex);
  self->cancellable = g_cancellable_new ();
}

/**
 * measures_export_new_summary:
 * @format: a format of summaries: PDF, HTML, Markdown, CSV or JSON
 * @measures: (element-type MeasuresMeasure): the measures, in order;
 *   copied
 * @query: (nullable): the filters that chose them, described on the
 *   cover; copied
 * @single: whether this is the summary of one selected measure
 * @lang: (nullable): the language of the summary's labels and texts;
 *   %NULL for English
 *
 * Returns: (transfer full): a job that writes the summary
 */
MeasuresExport *
measures_export_new_summary (MeasuresExportFormat  format,
                             GPtrArray            *measures,
                             MeasuresQuery        *query,
                             gboolean              single,
                             const char           *lang)
{
  MeasuresExport *self;

  g_return_val_if_fail (format < MEASURES_N_FORMATS && !formats[format].chart, NULL);
  g_return_val_if_fail (measures != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_EXPORT, NULL);
  self->format = format;
  self->measures = g_ptr_array_new_full (measures->len, g_object_unref);
  for (guint i = 0; i < measures->len; i++)
    g_ptr_array_add (self->measures, g_object_ref (g_ptr_array_index (measures, i)));
  self->query = measures_query_new ();
  if (query != NULL)
    measures_query_assign (self->query, query);
  self->single = single;
  self->lang = g_strdup (lang != NULL ? lang : "en");

  return self;
}

/**
 * measures_export_new_chart:
 * @format: %MEASURES_FORMAT_PNG or %MEASURES_FORMAT_SVG
 * @index: the index of the measures
 * @matches: which of them the chart shows; read at once
 * @chart: which chart of the overview
 * @scale: for PNG, pixels per unit, from 0.25 to 8
 *
 * The chart is drawn in the light style, %MEASURES_CHART_IMAGE_WIDTH
 * wide, with the labels of @index.
 *
 * Returns: (transfer full): a job that writes the chart
 */
MeasuresExport *
measures_export_new_chart (MeasuresExportFormat  format,
                           MeasuresIndex        *index,
                           const MeasuresBitset *matches,
                           MeasuresChart         chart,
                           double                scale)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  MeasuresExport *self;

  g_return_val_if_fail (format < MEASURES_N_FORMATS && formats[format].chart, NULL);
  g_return_val_if_fail (MEASURES_IS_INDEX (index), NULL);
  g_return_val_if_fail (matches != NULL, NULL);
  g_return_val_if_fail (chart < MEASURES_N_CHARTS, NULL);

  self = g_object_new (MEASURES_TYPE_EXPORT, NULL);
  self->format = format;
  self->index = g_object_ref (index);
  self->overview = measures_overview_new (index, matches, g_date_time_get_year (now));
  self->chart = chart;
  self->scale = scale;

  return self;
}

/**
 * measures_export_set_summary_options:
 * @self: a job that writes a summary, not running
 * @options: (nullable): what the summary carries beyond its charts,
 *   counts and contents; copied, with the index it names held and its
 *   matches copied, so that the job's thread can read them
 *
 * The matrix and the map go in PDF, HTML and Markdown summaries; CSV
 * and JSON hold the measures alone.
 */
void
measures_export_set_summary_options (MeasuresExport               *self,
                                     const MeasuresSummaryOptions *options)
{
  g_return_if_fail (MEASURES_IS_EXPORT (self));
  g_return_if_fail (self->measures != NULL);
  g_return_if_fail (!g_atomic_int_get (&self->running));

  g_clear_pointer (&self->options, measures_summary_options_free);
  if (options != NULL)
    self->options = measures_summary_options_copy (options);
}

MeasuresExportFormat
measures_export_get_format (MeasuresExport *self)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT (self), MEASURES_FORMAT_PDF);

  return self->format;
}

/**
 * measures_export_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the last run
 */
GFile *
measures_export_get_file (MeasuresExport *self)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT (self), NULL);

  return self->file;
}

double
measures_export_get_fraction (MeasuresExport *self)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT (self), 0);

  return self->fraction;
}

/**
 * measures_export_get_text:
 *
 * Returns: (nullable): what the job is doing, in a few words
 */
const char *
measures_export_get_text (MeasuresExport *self)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT (self), NULL);

  return self->text;
}

/**
 * measures_export_cancel:
 *
 * Stops the run under way, which then fails with %G_IO_ERROR_CANCELLED;
 * the file it was writing is left as it was. Safe from any thread.
 */
void
measures_export_cancel (MeasuresExport *self)
{
  g_return_if_fail (MEASURES_IS_EXPORT (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * measures_export_to_bytes:
 * @self: a job
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Makes the document in memory, in the caller's thread, as for standard
 * output; a job runs once at a time.
 *
 * Returns: (transfer full) (nullable): the document
 */
GBytes *
measures_export_to_bytes (MeasuresExport  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  GBytes *bytes;
  gboolean claimed;

  g_return_val_if_fail (MEASURES_IS_EXPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  claimed = claim (self);
  g_return_val_if_fail (claimed, NULL);

  begin (self, NULL, cancellable, NULL);
  bytes = make_bytes (self, error);
  if (bytes != NULL)
    report (self, 1, NULL);
  end (self);

  return bytes;
}

/**
 * measures_export_write:
 * @self: a job
 * @file: where to write; a file there is replaced only once the new one
 *   is complete
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes the document in the caller's thread, as the command line does;
 * progress is told in that thread as it goes.
 *
 * Returns: whether the file was written
 */
gboolean
measures_export_write (MeasuresExport  *self,
                       GFile           *file,
                       GCancellable    *cancellable,
                       GError         **error)
{
  gboolean done;
  gboolean claimed;

  g_return_val_if_fail (MEASURES_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  claimed = claim (self);
  g_return_val_if_fail (claimed, FALSE);

  begin (self, file, cancellable, NULL);
  done = run (self, error);
  end (self);

  return done;
}

/* The source tag of the job's tasks: the address of a variable, as
 * ISO C has no conversion of a function to a data pointer. */
static char export_tag;

/**
 * measures_export_async:
 * @self: a job
 * @file: where to write; a file there is replaced only once the new one
 *   is complete
 * @cancellable: (nullable): also stops the job, as
 *   measures_export_cancel() does
 * @callback: called on the thread-default main context of the caller
 *   when the file is written or the export failed
 * @user_data: for @callback
 *
 * Writes the document in a worker thread. Its progress is told through
 * #MeasuresExport:fraction and #MeasuresExport:text on the caller's
 * main context. A job runs once at a time.
 */
void
measures_export_async (MeasuresExport      *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean claimed;

  g_return_if_fail (MEASURES_IS_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  claimed = claim (self);
  g_return_if_fail (claimed);

  begin (self, file, cancellable, g_main_context_ref_thread_default ());

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, &export_tag);
  g_task_run_in_thread (task, export_thread);
}

/**
 * measures_export_finish:
 * @self: a job
 * @result: the result given to the callback
 * @error: return location for an error; %G_IO_ERROR_CANCELLED when it
 *   was cancelled
 *
 * Returns: whether the file was written
 */
gboolean
measures_export_finish (MeasuresExport  *self,
                        GAsyncResult    *result,
                        GError         **error)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &export_tag, FALSE);

  /* What the worker told last, before the result. */
  flush_progress (self);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * measures_export_bytes:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @query: (nullable): the filters that chose them
 * @single: whether this is one selected measure
 * @format: a format of summaries
 * @lang: the language of the summary's labels and texts
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * A summary in memory, in one call.
 *
 * Returns: (transfer full) (nullable): the exported document
 */
GBytes *
measures_export_bytes (GPtrArray             *measures,
                       MeasuresQuery         *query,
                       gboolean               single,
                       MeasuresExportFormat   format,
                       const char            *lang,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(MeasuresExport) self = measures_export_new_summary (format, measures, query, single, lang);

  g_return_val_if_fail (self != NULL, NULL);

  return measures_export_to_bytes (self, cancellable, error);
}
