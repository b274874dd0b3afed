import type { BoilerplateVocabulary } from './vocabulary.types';

export const pt: BoilerplateVocabulary = {
  share: ['compartilhar', 'compartilhe', 'partilhar', 'partilhe', 'compartilhar no facebook', 'compartilhar no whatsapp', 'imprimir', 'copiar link', 'enviar por e-mail', 'enviar', 'e-mail'],
  related: [
    'leia também', 'leia mais', 'veja também', 'veja mais', 'saiba mais', 'notícias relacionadas', 'artigos relacionados',
    'conteúdo relacionado', 'relacionadas', 'você pode gostar', 'recomendados para você', 'leia ainda', 'ler mais',
  ],
  teasers: ['mais lidas', 'mais lidos', 'as mais lidas', 'últimas notícias', 'destaques', 'mais vistos', 'em alta', 'populares'],
  comments: ['comentários', 'comentário', 'deixe um comentário', 'deixe seu comentário', 'comente', 'escreva um comentário'],
  imprint: ['expediente', 'ficha técnica', 'política de privacidade', 'termos de uso', 'contato', 'contacto', 'quem somos', 'estatuto editorial'],
  widgets: ['entrar', 'login', 'cadastre-se', 'menu', 'buscar', 'pesquisar', 'fechar', 'carregar mais', 'mostrar mais', 'ver tudo', 'próximo', 'anterior', 'mais'],
  ads: ['publicidade', 'anúncio', 'conteúdo patrocinado', 'patrocinado'],
  tags: ['tags', 'temas', 'tema', 'assuntos', 'palavras-chave', 'etiquetas', 'categorias', 'categoria'],
  credit: ['foto', 'fotos', 'fotografia', 'imagem', 'imagens', 'ilustração', 'crédito', 'créditos', 'vídeo'],
  creditBy: ['de', 'por'],
  subscribe: [
    'assine', 'assine já', 'inscreva-se', 'cadastre-se', 'receba a newsletter', 'receba nossa newsletter', 'receba a nossa newsletter',
    'já é assinante', 'para continuar lendo', 'para continuar a ler', 'conteúdo exclusivo para assinantes',
    'este conteúdo é exclusivo para assinantes', 'apoie o nosso jornalismo', 'apoie nosso jornalismo',
  ],
  newsletter: ['newsletter', 'boletim'],
  signUp: ['inscrev', 'cadastr', 'assin', 'grátis', 'gratuit', 'caixa de entrada', 'todas as manhãs', 'todos os dias', 'toda semana', 'todas as semanas'],
  cookie: ['cookie', 'cookies'],
  consent: ['aceit', 'consentimento', 'privacidade', 'utilizamos', 'usamos', 'este site utiliza', 'este site usa', 'concorda'],
  follow: ['siga-nos no', 'siga-nos nas', 'siga-nos'],
  home: ['início', 'página inicial', 'home'],
  by: ['por'],
  months: [
    'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro',
    'jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez',
  ],
  weekdays: ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado', 'domingo'],
  dateLabels: ['publicado', 'publicada', 'atualizado', 'atualizada', 'actualizado', 'modificado'],
  dateGlue: ['de', 'às', 'em', 'h', 'hs'],
  classWords: ['compartilhar', 'partilhar', 'comentarios', 'relacionadas', 'leia-tambem', 'publicidade'],
  aboutOpeners: ['sobre a', 'sobre o', 'sobre'],
  pressContacts: ['contato de imprensa', 'contatos de imprensa', 'contacto de imprensa', 'contactos de imprensa', 'assessoria de imprensa', 'informações à imprensa'],
};
