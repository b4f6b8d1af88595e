/* bench-data.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The synthetic datasets the benchmarks load, from fixed seeds, in two
 * shapes so that no figure depends on one data set (see
 * docs/performance.md):
 *
 * - "project": about 2 KB of compact JSON a record, 1.5 KB of it English
 *   and Romanian text in titles and descriptions with bullet lists, 40
 *   countries, 29 types and 10 forms of violence, in a measures-1 object;
 * - "other": indented JSON (one key a line) in a bare list; records from
 *   a few dozen bytes of text to 8 KB, about 0.9 KB on average; titles
 *   plain or in one to three of English, French, Spanish, Portuguese,
 *   Ukrainian and Greek; 104 countries, 400 types and 60 forms, up to
 *   eight and six a record; years as objects, numbers and texts; escaped
 *   characters and slashes; keys Measures does not know.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "bench-data.h"

static const struct {
  const char *country;
  const char *region;
} places[] = {
  { "Romania", "Europe" }, { "Republic of Moldova", "Europe" }, { "Bulgaria", "Europe" },
  { "Hungary", "Europe" }, { "Ukraine", "Europe" }, { "Serbia", "Europe" },
  { "North Macedonia Republic of", "Europe" }, { "Albania", "Europe" }, { "Greece", "Europe" },
  { "Italy", "Europe" }, { "Spain", "Europe" }, { "France", "Europe" }, { "Germany", "Europe" },
  { "Poland", "Europe" }, { "Georgia", "Asia" }, { "Cyprus", "Asia" }, { "Mongolia", "Asia" },
  { "Cambodia", "Asia" }, { "India", "Asia" }, { "Nepal", "Asia" }, { "Philippines", "Asia" },
  { "Kenya", "Africa" }, { "Nigeria", "Africa" }, { "Ghana", "Africa" }, { "Senegal", "Africa" },
  { "South Africa", "Africa" }, { "Ethiopia", "Africa" }, { "Morocco", "Africa" },
  { "Bolivia Plurinational State of", "Americas" }, { "Peru", "Americas" }, { "Mexico", "Americas" },
  { "Brazil", "Americas" }, { "Chile", "Americas" }, { "Canada", "Americas" },
  { "Argentina", "Americas" }, { "Colombia", "Americas" }, { "Fiji", "Oceania" },
  { "Samoa", "Oceania" }, { "Australia", "Oceania" }, { "New Zealand", "Oceania" },
};

static const char *types[] = {
  "Policies > National strategy specific to violence against women",
  "Policies > National action plan specific to violence against women",
  "Policies > Inclusion of violence against women in other national plan/strategy",
  "Violence against women > Legislation", "Other relevant laws > Family law",
  "Institutional mechanisms", "Budgets > Government allocation",
  "Coordinated and or Integrated service delivery > Integrated services delivery",
  "Justice > Protocols and guidelines", "Justice > Training", "Police > Protocols and guidelines",
  "Health > Protocols and guidelines", "Social services > Shelter/Safe accommodation",
  "Social services > Hotline/Helpline", "Social services > Psycho-social counselling",
  "Prevention > Awareness-raising /Campaigns", "Education > Formal education",
  "Research and statistical data > Dedicated violence against women survey",
  "Research and statistical data > Other research and statistical data",
  "Administrative data > Health", "Administrative data > Police", "Administrative data > Justice",
  "Administrative data > Social Services", "Monitoring and Evaluation > Policies",
  "Monitoring and Evaluation > Services", "Monitoring and Evaluation > Laws",
  "Perpetrators Programme", "Regional Initiatives", "Work with public private sectors > Military",
};

static const char *forms[] = {
  "Domestic violence/Intimate partner violence", "Violence against women and girls",
  "Trafficking", "Sexual violence", "Sexual harassment", "Stalking",
  "Child, early and forced marriage", "Female Genital Mutilation/Cutting (FGM/C)",
  "Femicide/Feminicide", "Other harmful practices",
};

static const char *english[] = {
  "national", "strategy", "trafficking", "persons", "prevention", "protection", "victims",
  "assistance", "women", "girls", "violence", "domestic", "police", "justice", "training",
  "shelter", "helpline", "programme", "awareness", "campaign", "education", "schools",
  "teachers", "children", "minors", "cooperation", "institutions", "ministry", "agency",
  "coordination", "monitoring", "evaluation", "data", "survey", "statistics", "budget",
  "legislation", "law", "amendment", "court", "prosecutors", "judges", "health", "services",
  "counselling", "reintegration", "social", "community", "local", "regional", "international",
  "objectives", "measures", "implementation", "action", "plan", "report", "review", "capacity",
  "investigation", "offences", "support", "risk", "information", "dissemination", "partners",
  "organisations", "the", "of", "and", "to", "in", "for", "with", "on", "by", "at", "a",
};

static const char *romanian[] = {
  "strategia", "națională", "împotriva", "traficului", "persoane", "prevenirea", "protecția",
  "victimelor", "asistență", "femei", "fete", "violența", "domestică", "poliția", "justiția",
  "formare", "adăpost", "linie", "program", "conștientizare", "campanie", "educație", "școli",
  "profesori", "copii", "minori", "cooperare", "instituții", "ministerul", "agenția",
  "coordonare", "monitorizare", "evaluare", "date", "anchetă", "statistici", "buget",
  "legislație", "lege", "modificare", "instanță", "procurori", "judecători", "sănătate",
  "servicii", "consiliere", "reintegrare", "socială", "comunitate", "locală", "regională",
  "internațională", "obiective", "măsuri", "implementare", "acțiune", "plan", "raport",
  "știință", "țară", "și", "în", "pentru", "cu", "de", "la", "din", "prin", "care", "pe",
};

static void
append_words (GString     *out,
              GRand       *rand,
              const char **pool,
              guint        n_pool,
              guint        n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = pool[g_rand_int_range (rand, 0, n_pool)];

      if (i == 0)
        {
          g_autofree char *upper = g_utf8_strup (word, g_utf8_next_char (word) - word);

          g_string_append_printf (out, "%s%s", upper, g_utf8_next_char (word));
        }
      else
        g_string_append_printf (out, " %s", word);
    }
}

/* About 1.5 KB of mixed English and Romanian text per record. */
static void
append_record (GString *out,
               GRand   *rand,
               guint    i)
{
  guint place = g_rand_int_range (rand, 0, G_N_ELEMENTS (places));
  guint n;
  int from = g_rand_int_range (rand, 1995, 2026);

  g_string_append_printf (out, "{\"id\":\"bench-%u\",\"country\":\"%s\",\"region\":\"%s\"",
                          i, places[place].country, places[place].region);

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
      break;
    case 1:
      g_string_append_printf (out, ",\"year\":{\"from\":%d}", from);
      break;
    case 2: case 3: case 4:
      g_string_append_printf (out, ",\"year\":{\"from\":%d,\"to\":%d}", from, from + g_rand_int_range (rand, 1, 7));
      break;
    default:
      g_string_append_printf (out, ",\"year\":{\"from\":%d,\"to\":%d}", from, from);
    }

  g_string_append (out, ",\"types\":[");
  n = g_rand_int_range (rand, 1, 4);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (out, "%s\"%s\"", k > 0 ? "," : "", types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))]);
  g_string_append (out, "],\"forms\":[");
  n = g_rand_int_range (rand, 1, 4);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (out, "%s\"%s\"", k > 0 ? "," : "", forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))]);

  g_string_append (out, "],\"title\":{\"en\":\"");
  append_words (out, rand, english, G_N_ELEMENTS (english), g_rand_int_range (rand, 4, 10));
  g_string_append (out, "\",\"ro\":\"");
  append_words (out, rand, romanian, G_N_ELEMENTS (romanian), g_rand_int_range (rand, 4, 10));
  g_string_append (out, "\"},\"description\":{\"en\":\"");
  append_words (out, rand, english, G_N_ELEMENTS (english), 60);
  g_string_append (out, ":\\n- ");
  append_words (out, rand, english, G_N_ELEMENTS (english), 12);
  g_string_append (out, "\\n- ");
  append_words (out, rand, english, G_N_ELEMENTS (english), 12);
  g_string_append (out, "\",\"ro\":\"");
  append_words (out, rand, romanian, G_N_ELEMENTS (romanian), 60);
  g_string_append (out, ":\\n- ");
  append_words (out, rand, romanian, G_N_ELEMENTS (romanian), 12);
  g_string_append (out, "\\n- ");
  append_words (out, rand, romanian, G_N_ELEMENTS (romanian), 12);
  g_string_append_printf (out, "\"},\"source\":\"Response of the Government of %s to the questionnaire on violence against women, %d\"",
                          places[place].country, from + 1);
  g_string_append_printf (out, ",\"url\":\"https://example.org/measures/%u\"}", i);
}

/* The other shape. */

static const char *other_countries[] = {
  "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria",
  "Azerbaijan", "Bangladesh", "Belarus", "Belgium", "Benin", "Bolivia Plurinational State of",
  "Bosnia and Herzegovina", "Botswana", "Brazil", "Bulgaria", "Burkina Faso", "Cameroon", "Canada",
  "Chad", "Chile", "China", "Colombia", "Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus",
  "Czechia", "Denmark", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Estonia",
  "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Georgia", "Germany", "Ghana",
  "Greece", "Guatemala", "Guinea", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia",
  "Ireland", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kyrgyzstan", "Latvia",
  "Lebanon", "Liberia", "Lithuania", "Madagascar", "Malawi", "Mali", "Mexico", "Mongolia",
  "Montenegro", "Morocco", "Mozambique", "Namibia", "Nepal", "New Zealand", "Nicaragua", "Niger",
  "Nigeria", "North Macedonia Republic of", "Norway", "Pakistan", "Panama", "Paraguay", "Peru",
  "Philippines", "Poland", "Portugal", "Republic of Moldova", "Romania", "Rwanda", "Samoa",
  "Senegal", "Serbia", "Sierra Leone", "South Africa", "Spain", "Sri Lanka", "Sweden", "Tunisia",
  "Türkiye", "Ukraine",
};

static const char *other_regions[] = { "Africa", "Americas", "Asia", "Europe", "Oceania" };

static const char *other_categories[] = {
  "Policies", "Violence against women", "Other relevant laws", "Institutional mechanisms",
  "Budgets", "Coordinated and or Integrated service delivery", "Justice", "Police", "Health",
  "Social services", "Prevention", "Education", "Research and statistical data",
  "Administrative data", "Monitoring and Evaluation", "Perpetrators Programme",
  "Regional Initiatives", "Work with public private sectors", "Services", "Training",
};

static const char *other_subjects[] = {
  "strategy", "action plan", "legislation", "protocol", "guidelines", "training programme",
  "shelter", "helpline", "counselling", "campaign", "curriculum", "survey", "register",
  "allocation", "coordination body", "inspection", "court unit", "police unit", "clinic", "network",
};

static const char *other_forms[] = {
  "Child, early and forced marriage", "Domestic violence/Intimate partner violence",
  "Female Genital Mutilation/Cutting (FGM/C)", "Femicide/Feminicide", "Other harmful practices",
  "Sexual harassment", "Sexual violence", "Stalking", "Trafficking",
  "Violence against women and girls",
};

static const char *other_form_places[] = {
  "at home", "at work", "online", "in public spaces", "in schools", "in conflict",
};

static const char *french[] = {
  "stratégie", "nationale", "contre", "violence", "femmes", "filles", "traite", "êtres", "humains",
  "prévention", "protection", "victimes", "justice", "formation", "santé", "école", "enfants",
  "loi", "décret", "ministère", "égalité", "droits", "hébergement", "sécurité", "écoute",
  "accompagnement", "plan", "d’action", "coordination", "suivi", "évaluation", "données",
  "enquête", "budget", "tribunal", "police", "gendarmerie", "services", "sociaux", "aide",
  "la", "le", "les", "des", "du", "de", "et", "pour", "dans", "sur", "avec", "par", "à", "au",
};

static const char *spanish[] = {
  "estrategia", "nacional", "contra", "violencia", "mujeres", "niñas", "trata", "personas",
  "prevención", "protección", "víctimas", "atención", "capacitación", "policía", "justicia",
  "salud", "educación", "niños", "ley", "decreto", "ministerio", "igualdad", "género", "derechos",
  "acción", "año", "política", "albergue", "línea", "coordinación", "seguimiento", "evaluación",
  "datos", "encuesta", "presupuesto", "tribunal", "servicios", "sociales", "apoyo", "la", "el",
  "los", "las", "de", "del", "y", "para", "en", "con", "por", "sobre", "a",
};

static const char *portuguese[] = {
  "estratégia", "nacional", "contra", "violência", "mulheres", "meninas", "tráfico", "pessoas",
  "prevenção", "proteção", "vítimas", "atendimento", "formação", "polícia", "justiça", "saúde",
  "educação", "crianças", "lei", "decreto", "ministério", "igualdade", "gênero", "direitos",
  "ação", "política", "abrigo", "coordenação", "avaliação", "dados", "orçamento", "serviços",
  "a", "o", "os", "as", "de", "da", "do", "e", "para", "em", "com", "por",
};

static const char *ukrainian[] = {
  "національна", "стратегія", "протидії", "насильству", "щодо", "жінок", "дівчат", "торгівлі",
  "людьми", "запобігання", "захист", "постраждалих", "допомога", "поліція", "правосуддя",
  "навчання", "притулок", "гаряча", "лінія", "освіта", "діти", "закон", "міністерство",
  "рівність", "права", "план", "дій", "моніторинг", "оцінка", "дані", "бюджет", "суд", "та", "і",
  "в", "на", "з", "для", "щодо",
};

static const char *greek[] = {
  "εθνική", "στρατηγική", "κατά", "της", "βίας", "γυναικών", "κοριτσιών", "εμπορία", "ανθρώπων",
  "πρόληψη", "προστασία", "θυμάτων", "υποστήριξη", "αστυνομία", "δικαιοσύνη", "εκπαίδευση",
  "ξενώνας", "γραμμή", "νόμος", "υπουργείο", "ισότητα", "δικαιώματα", "σχέδιο", "δράσης",
  "και", "για", "των", "στην", "με",
};

static const char *other_english[] = {
  "national", "strategy", "against", "violence", "women", "girls", "trafficking", "persons",
  "prevention", "protection", "victims", "survivors", "assistance", "police", "justice",
  "training", "shelter", "helpline", "education", "children", "law", "decree", "ministry",
  "equality", "rights", "action", "plan", "coordination", "monitoring", "evaluation", "data",
  "survey", "budget", "court", "services", "social", "support", "“safe”", "24/7", "e-mail", "𝐬𝐚𝐟𝐞",
  "the", "of", "and", "to", "in", "for", "with", "on", "by", "at", "a",
};

typedef struct
{
  const char *code;
  const char **words;
  guint n_words;
} Language;

static const Language other_languages[] = {
  { "en", other_english, G_N_ELEMENTS (other_english) },
  { "fr", french, G_N_ELEMENTS (french) },
  { "es", spanish, G_N_ELEMENTS (spanish) },
  { "pt", portuguese, G_N_ELEMENTS (portuguese) },
  { "uk", ukrainian, G_N_ELEMENTS (ukrainian) },
  { "el", greek, G_N_ELEMENTS (greek) },
};

/* Whether the record being written has its non-ASCII characters
 * escaped, as Python's json.dump() writes by default. */
static gboolean ascii_only;

/* A JSON string of @text, escaping as some writers do: quotes and
 * slashes, and in one record of eight every non-ASCII character as \\u
 * (with surrogate pairs beyond the first plane). */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c == '/')
        g_string_append (out, "\\/");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c >= 0x10000 && ascii_only)
        g_string_append_printf (out, "\\u%04x\\u%04x",
                                0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));
      else if (c >= 0x80 && ascii_only)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

static void
other_words (GString        *out,
             GRand          *rand,
             const Language *language,
             guint           n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = language->words[g_rand_int_range (rand, 0, language->n_words)];

      if (i > 0)
        g_string_append_c (out, i % 17 == 0 ? ',' : ' ');
      if (i > 0 && i % 17 == 0)
        g_string_append_c (out, ' ');
      g_string_append (out, word);
    }
}

/* A count of words with a long tail: most texts short, a few long. */
static guint
other_length (GRand *rand,
              guint  most)
{
  double u = g_rand_double (rand);

  return 3 + (guint) (most * u * u * u);
}

static void
other_text (GString    *out,
            GRand      *rand,
            const char *indent,
            const char *key,
            guint       most,
            gboolean    lists)
{
  guint n_langs = g_rand_int_range (rand, 0, 4);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (out, ",\n%s\"%s\": ", indent, key);
  if (n_langs == 0)
    {
      other_words (text, rand, &other_languages[g_rand_int_range (rand, 0, 6)], other_length (rand, most));
      append_json_string (out, text->str);
      return;
    }

  g_string_append (out, "{");
  for (guint k = 0, first = g_rand_int_range (rand, 0, 6); k < n_langs; k++)
    {
      const Language *language = &other_languages[(first + k) % G_N_ELEMENTS (other_languages)];

      g_string_truncate (text, 0);
      other_words (text, rand, language, other_length (rand, most));
      if (lists && g_rand_int_range (rand, 0, 3) == 0)
        for (guint item = 0; item < 3; item++)
          {
            g_string_append (text, "\n• ");
            other_words (text, rand, language, g_rand_int_range (rand, 3, 12));
          }
      g_string_append_printf (out, "%s\n%s  \"%s\": ", k > 0 ? "," : "", indent, language->code);
      append_json_string (out, text->str);
    }
  g_string_append_printf (out, "\n%s}", indent);
}

static void
other_list (GString     *out,
            GRand       *rand,
            const char  *key,
            guint        most,
            gboolean     is_types)
{
  guint n = g_rand_int_range (rand, 0, most + 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n == 0)
    return;

  g_string_append_printf (out, ",\n    \"%s\": [", key);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *value = NULL;

      if (is_types)
        value = g_strdup_printf ("%s > %s",
                                 other_categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_categories))],
                                 other_subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (other_subjects))]);
      else
        {
          guint form = g_rand_int_range (rand, 0, G_N_ELEMENTS (other_forms) * G_N_ELEMENTS (other_form_places));

          value = form < G_N_ELEMENTS (other_forms)
                    ? g_strdup (other_forms[form])
                    : g_strdup_printf ("%s %s", other_forms[form % G_N_ELEMENTS (other_forms)],
                                       other_form_places[form / G_N_ELEMENTS (other_forms) % G_N_ELEMENTS (other_form_places)]);
        }
      if (!g_hash_table_add (seen, g_strdup (value)))
        continue;
      g_string_append_printf (out, "%s\n      ", g_hash_table_size (seen) > 1 ? "," : "");
      append_json_string (out, value);
    }
  g_string_append (out, "\n    ]");
}

static void
append_other_record (GString *out,
                     GRand   *rand,
                     guint    i)
{
  guint country = g_rand_int_range (rand, 0, G_N_ELEMENTS (other_countries));
  int from = g_rand_int_range (rand, 1980, 2027);

  ascii_only = g_rand_int_range (rand, 0, 8) == 0;
  g_string_append (out, "  {\n");
  if (g_rand_int_range (rand, 0, 20) > 0)
    g_string_append_printf (out, "    \"id\": \"other/%08u\",\n", i);
  g_string_append (out, "    \"country\": ");
  append_json_string (out, other_countries[country]);
  if (g_rand_int_range (rand, 0, 4) > 0)
    g_string_append_printf (out, ",\n    \"region\": \"%s\"", other_regions[country % G_N_ELEMENTS (other_regions)]);

  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
      break;
    case 1:
      g_string_append_printf (out, ",\n    \"year\": %d", from);
      break;
    case 2:
      g_string_append_printf (out, ",\n    \"year\": \"%d - %d\"", from, from + g_rand_int_range (rand, 0, 10));
      break;
    case 3:
      g_string_append_printf (out, ",\n    \"year\": {\n      \"from\": %d\n    }", from);
      break;
    default:
      g_string_append_printf (out, ",\n    \"year\": {\n      \"from\": %d,\n      \"to\": %d\n    }",
                              from, from + g_rand_int_range (rand, 0, 12));
    }

  other_list (out, rand, "types", 8, TRUE);
  other_list (out, rand, "forms", 6, FALSE);
  other_text (out, rand, "    ", "title", 14, FALSE);
  if (g_rand_int_range (rand, 0, 10) > 0)
    other_text (out, rand, "    ", "description", 150, TRUE);
  if (g_rand_int_range (rand, 0, 3) == 0)
    other_text (out, rand, "    ", "full_text", 10, FALSE);
  if (g_rand_int_range (rand, 0, 2) == 0)
    other_text (out, rand, "    ", "source", 12, FALSE);
  if (g_rand_int_range (rand, 0, 5) == 0)
    other_text (out, rand, "    ", "more_info", 30, FALSE);
  if (g_rand_int_range (rand, 0, 3) > 0)
    g_string_append_printf (out, ",\n    \"url\": \"https:\\/\\/example.org\\/other\\/%u?lang=en&amp;v=2\"", i);
  if (g_rand_int_range (rand, 0, 6) == 0)
    g_string_append_printf (out, ",\n    \"notes\": {\n      \"reviewed\": %s,\n      \"score\": %d.%d,\n"
                            "      \"tags\": [\"a\", \"b\", null]\n    }",
                            g_rand_boolean (rand) ? "true" : "false",
                            g_rand_int_range (rand, 0, 10), g_rand_int_range (rand, 0, 10));
  g_string_append (out, "\n  }");
}

static gboolean
flush_out (FILE     *out,
           GString  *buffer,
           GError  **error)
{
  if (buffer->len > 0 && fwrite (buffer->str, 1, buffer->len, out) != buffer->len)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  g_string_truncate (buffer, 0);

  return TRUE;
}

/**
 * bench_write_dataset:
 * @shape: "project" or "other"
 * @n: how many records
 * @path: where to write them
 *
 * Returns: whether the dataset was written
 */
gboolean
bench_write_dataset (const char  *shape,
                     guint        n,
                     const char  *path,
                     GError     **error)
{
  gboolean other = g_str_equal (shape, "other");
  g_autoptr(GRand) rand = g_rand_new_with_seed (other ? 20261202 : 20261129);
  g_autoptr(GString) buffer = g_string_sized_new (2 * 1024 * 1024);
  gboolean ok = TRUE;
  FILE *out;

  if (!other && !g_str_equal (shape, "project"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no shape “%s”: project or other", shape);
      return FALSE;
    }

  if ((out = fopen (path, "w")) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  g_string_append (buffer, other ? "[\n" : "{\"format\":\"measures-1\",\"measures\":[\n");
  for (guint i = 0; i < n && ok; i++)
    {
      if (i > 0)
        g_string_append (buffer, ",\n");
      if (other)
        append_other_record (buffer, rand, i);
      else
        append_record (buffer, rand, i);
      if (buffer->len > 1024 * 1024)
        ok = flush_out (out, buffer, error);
    }
  g_string_append (buffer, other ? "\n]\n" : "\n]}\n");

  if (!ok || !flush_out (out, buffer, error))
    {
      fclose (out);
      return FALSE;
    }
  if (fclose (out) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
