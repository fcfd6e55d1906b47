import { useT } from '../app/useT';
import { APOSTROPHE, MARKED_VOWELS, TONES, pressKey, type NameKey, type Tone } from '#shared/queue/vietnamese-typing';

/** Alphabetical, not QWERTY: easier to find for someone who has never typed. J, W, F, Z stay for Jrai and Bahnar names. */
const LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'Đ',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'V',
  'W',
  'X',
  'Y',
  'Z',
];
/** Each tone key shows the mark on an "a", so it is recognisable without reading its name. */
const TONE_SAMPLE: Record<Tone, string> = { acute: 'á', grave: 'à', hook: 'ả', tilde: 'ã', dot: 'ạ' };
const TONE_WORD: Record<Tone, string> = { acute: 'sắc', grave: 'huyền', hook: 'hỏi', tilde: 'ngã', dot: 'nặng' };

/**
 * The kiosk has no keyboard: letters, vowel keys and tone keys compose the name (rules in
 * shared/queue/vietnamese-typing.ts). Every key is at least 64 px, like the phone keypad. The
 * guide search reuses it with its own `label` and `hint`.
 */
export function NameKeyboard({
  value,
  onChange,
  controls,
  label,
  hint,
}: {
  value: string;
  onChange: (name: string) => void;
  controls: string;
  label?: string;
  hint?: string;
}) {
  const { t } = useT('queue');
  const press = (key: NameKey) => onChange(pressKey(value, key));
  const keyProps = { type: 'button' as const, 'aria-controls': controls };
  return (
    <div className="name-keyboard" role="group" aria-label={label ?? t('kiosk.keyboard.label')}>
      <p className="name-keyboard-hint">{hint ?? t('kiosk.keyboard.hint')}</p>
      <div className="name-keyboard-letters">
        {LETTERS.map((l) => (
          <button
            key={l}
            {...keyProps}
            className="btn btn-secondary kiosk-key"
            aria-label={t('kiosk.keyboard.letter', { letter: l })}
            onClick={() => press({ type: 'letter', letter: l })}
          >
            {l}
          </button>
        ))}
        <button
          {...keyProps}
          className="btn btn-secondary kiosk-key"
          aria-label={t('kiosk.keyboard.apostrophe')}
          onClick={() => press({ type: 'letter', letter: APOSTROPHE })}
        >
          {APOSTROPHE}
        </button>
      </div>
      <div className="name-keyboard-row" role="group" aria-label={t('kiosk.keyboard.vowels')}>
        {MARKED_VOWELS.map((v) => {
          const upper = v.toUpperCase();
          return (
            <button
              key={v}
              {...keyProps}
              className="btn btn-secondary kiosk-key name-key-vowel"
              aria-label={t('kiosk.keyboard.letter', { letter: upper })}
              onClick={() => press({ type: 'vowel', vowel: v })}
            >
              {upper}
            </button>
          );
        })}
      </div>
      <div className="name-keyboard-row" role="group" aria-label={t('kiosk.keyboard.tonesGroup')}>
        {TONES.map((tone) => (
          <button
            key={tone}
            {...keyProps}
            className="btn btn-secondary kiosk-key name-key-tone"
            aria-label={t(`kiosk.keyboard.tones.${tone}`)}
            onClick={() => press({ type: 'tone', tone })}
          >
            {/* The sample is drawn by CSS so the key's visible text stays inside its spoken name. */}
            <span className="name-key-word" data-sample={TONE_SAMPLE[tone]}>
              {TONE_WORD[tone]}
            </span>
          </button>
        ))}
      </div>
      <div className="name-keyboard-row">
        <button
          {...keyProps}
          className="btn btn-secondary kiosk-key name-key-space"
          onClick={() => press({ type: 'space' })}
        >
          {t('kiosk.keyboard.space')}
        </button>
        <button
          {...keyProps}
          className="btn btn-secondary kiosk-key name-key-wide"
          aria-label={t('kiosk.keyboard.backspace')}
          onClick={() => press({ type: 'backspace' })}
        >
          ⌫
        </button>
        <button
          {...keyProps}
          className="btn btn-secondary kiosk-key name-key-wide"
          aria-label={t('kiosk.keyboard.clearLabel')}
          onClick={() => press({ type: 'clear' })}
        >
          {t('kiosk.keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
