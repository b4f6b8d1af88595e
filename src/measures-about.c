/* measures-about.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-about"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "measures-about.h"

/* The About window, with the notes of the newest release taken from the
 * metainfo (in the resources, as the build merged it with its
 * translations), so that they are written once: there, for the software
 * centres and for this window. */

/* One element of a release's description, as the metainfo has it: the
 * build puts each translation right after the text it translates, as a
 * sibling with xml:lang. */
typedef struct
{
  char *tag;                    /* p, li, or ul/ol and their ends, "/ul" */
  char *lang;                   /* NULL for the untranslated text */
  GString *text;
} Node;

typedef struct
{
  GPtrArray *nodes;
  char *version;
  guint in_release : 1;         /* the first <release> */
  guint in_description : 1;
  guint done : 1;
  Node *text_node;              /* whose text is being read */
} Parser;

static void
node_free (Node *node)
{
  g_free (node->tag);
  g_free (node->lang);
  if (node->text != NULL)
    g_string_free (node->text, TRUE);
  g_free (node);
}

static void
add_node (Parser     *parser,
          const char *tag,
          const char *lang,
          gboolean    has_text)
{
  Node *node = g_new0 (Node, 1);

  node->tag = g_strdup (tag);
  node->lang = g_strdup (lang);
  node->text = has_text ? g_string_new (NULL) : NULL;
  g_ptr_array_add (parser->nodes, node);
  parser->text_node = has_text ? node : NULL;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              data,
                  GError              **error)
{
  Parser *parser = data;
  const char *lang = NULL;

  if (parser->done)
    return;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (attribute_names[i], "xml:lang"))
      lang = attribute_values[i];

  if (g_str_equal (name, "release") && parser->version == NULL)
    {
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "version"))
          parser->version = g_strdup (attribute_values[i]);
      parser->in_release = TRUE;
    }
  else if (parser->in_release && g_str_equal (name, "description"))
    parser->in_description = TRUE;
  else if (parser->in_description && (g_str_equal (name, "p") || g_str_equal (name, "li")))
    add_node (parser, name, lang, TRUE);
  else if (parser->in_description && (g_str_equal (name, "ul") || g_str_equal (name, "ol")))
    add_node (parser, name, NULL, FALSE);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *name,
                gpointer              data,
                GError              **error)
{
  Parser *parser = data;

  if (parser->done)
    return;

  if (parser->in_release && g_str_equal (name, "release"))
    parser->done = TRUE;
  else if (parser->in_description && g_str_equal (name, "description"))
    parser->in_description = FALSE;
  else if (parser->in_description && (g_str_equal (name, "ul") || g_str_equal (name, "ol")))
    {
      g_autofree char *end = g_strconcat ("/", name, NULL);

      add_node (parser, end, NULL, FALSE);
    }
  else if (g_str_equal (name, "p") || g_str_equal (name, "li"))
    parser->text_node = NULL;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  Parser *parser = data;

  if (parser->text_node != NULL)
    g_string_append_len (parser->text_node->text, text, length);
}

/* The translation of the text at @nodes[@first] that the user reads
 * best, among those after it, or the text itself. */
static Node *
choose (GPtrArray          *nodes,
        guint               first,
        guint               end,
        const char * const *langs)
{
  for (guint l = 0; langs[l] != NULL; l++)
    for (guint i = first + 1; i < end; i++)
      if (g_str_equal (((Node *) nodes->pdata[i])->lang, langs[l]))
        return nodes->pdata[i];

  return nodes->pdata[first];
}

/* Whitespace as a reader sees it: one space. */
static void
append_escaped_text (GString    *out,
                     const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  gboolean first = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*words[i] == '\0')
        continue;

      escaped = g_markup_escape_text (words[i], -1);
      g_string_append_printf (out, "%s%s", first ? "" : " ", escaped);
      first = FALSE;
    }
}

/**
 * measures_about_release_notes:
 * @langs: (nullable): languages, best first, as g_get_language_names()
 *   gives them; %NULL for those
 * @version: (out) (optional): the version of the newest release
 *
 * Returns: (transfer full) (nullable): the notes of the newest release,
 *   in AppStream's description markup, in the first of @langs they are
 *   translated into
 */
char *
measures_about_release_notes (const char * const  *langs,
                              char               **version)
{
  static const GMarkupParser callbacks = {
    .start_element = start_element_cb,
    .end_element = end_element_cb,
    .text = text_cb,
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  Parser parser = { nodes, NULL, };
  const char *data;
  gsize size;

  if (langs == NULL)
    langs = g_get_language_names ();

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/metainfo.xml", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("No metainfo in the resources: %s", error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_warning ("The metainfo in the resources cannot be read: %s", error->message);
      g_free (parser.version);
      return NULL;
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = nodes->pdata[i];
      guint end = i + 1;

      if (node->text == NULL)
        {
          g_string_append_printf (out, "<%s>", node->tag);
          continue;
        }

      /* A text and the translations after it. */
      while (end < nodes->len && ((Node *) nodes->pdata[end])->lang != NULL)
        end++;
      if (node->lang == NULL)
        {
          Node *chosen = choose (nodes, i, end, langs);

          g_string_append_printf (out, "<%s>", node->tag);
          append_escaped_text (out, chosen->text->str);
          g_string_append_printf (out, "</%s>", node->tag);
        }
      i = end - 1;
    }

  if (version != NULL)
    *version = g_steal_pointer (&parser.version);
  g_free (parser.version);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * measures_about_present:
 * @parent: (nullable): the window it is about
 *
 * Shows the About window.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
measures_about_present (GtkWindow *parent)
{
  static const char *developers[] = { "The Measures authors https://github.com/measures/Measures", NULL };
  g_auto(GStrv) sources = g_new0 (char *, 3);
  g_autofree char *notes = NULL;
  g_autofree char *notes_version = NULL;
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Measures"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Measures authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_website (about, PACKAGE_WEBSITE);
  adw_about_window_set_issue_url (about, PACKAGE_ISSUES);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Measures authors"));
  adw_about_window_set_comments (about,
                                 _("Browse laws, policies, strategies and services "
                                   "against violence against women, and read each "
                                   "measure in full."));
  /* Translators: Replace "translator-credits" with your name and email,
   * one per line; it is shown in the About window. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  notes = measures_about_release_notes (NULL, &notes_version);
  if (notes != NULL)
    {
      adw_about_window_set_release_notes (about, notes);
      adw_about_window_set_release_notes_version (about, notes_version);
    }

  sources[0] = g_strdup_printf ("%s https://evaw-global-database.unwomen.org",
                                _("UN Women Global Database on Violence against Women"));
  sources[1] = g_strdup_printf ("%s https://legislatie.just.ro",
                                _("Romanian legislation portal"));
  adw_about_window_add_acknowledgement_section (about, _("Sources of the bundled measures"),
                                                (const char **) sources);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), parent != NULL);
  gtk_window_present (GTK_WINDOW (about));

  return GTK_WINDOW (about);
}
