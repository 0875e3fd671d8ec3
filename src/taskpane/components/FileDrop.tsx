/**
 * Standalone mode's way in: a drop zone with a file picker for one .xlsx. The picker is a real
 * `<input type="file">` behind a labelled button, so keyboards and screen readers reach it. At the
 * start its button is the pane's primary action ("Välj arbetsbok…"); after an analysis the zone
 * folds to one line (the file's name and "Byt arbetsbok"), so the results start near the top of a
 * 350 px task pane.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent } from 'react';
import { useMessages } from '../LocaleContext';

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    textAlign: 'center',
  },
  over: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  lineName: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
  },
  pick: { flexShrink: 0 },
  hidden: { display: 'none' },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The picked file: its name and the File itself. The page never reads it; the analysis worker
 * checks its first bytes and size before reading the rest.
 */
export interface PickedFile {
  name: string;
  file: Blob;
}

export function FileDrop(props: {
  fileName: string | null;
  onFile(file: PickedFile): void;
  /** One line (name and "Byt arbetsbok") instead of the whole zone: after an analysis. */
  collapsed?: boolean;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [rejected, setRejected] = useState<string | null>(null);

  const take = (file: File | undefined): void => {
    if (!file) return;
    if (!/\.(xlsx|xlsm)$/i.test(file.name)) {
      setRejected(m.notXlsx(file.name));
      return;
    }
    setRejected(null);
    props.onFile({ name: file.name, file });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };

  const picker = (
    <input
      ref={input}
      className={s.hidden}
      type="file"
      accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      aria-label={m.chooseFile}
      data-testid="file-input"
      onChange={(e) => {
        take(e.target.files?.[0]);
        e.target.value = '';
      }}
    />
  );
  const refusal = rejected !== null && (
    <span role="alert" className={s.error}>
      {rejected}
    </span>
  );
  const drop = {
    onDragOver: (e: DragEvent<HTMLDivElement>) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop,
  };

  if (props.collapsed === true && props.fileName !== null) {
    return (
      <div
        role="group"
        aria-label={m.dropZoneLabel}
        className={mergeClasses(s.line, over && s.over)}
        {...drop}
        data-testid="drop-zone"
      >
        <span className={s.lineName} title={props.fileName}>
          {props.fileName}
        </span>
        <Button
          className={s.pick}
          size="small"
          icon={<DocumentArrowUpRegular />}
          onClick={() => input.current?.click()}
        >
          {m.changeWorkbook}
        </Button>
        {picker}
        {refusal}
      </div>
    );
  }

  return (
    <div
      role="group"
      aria-label={m.dropZoneLabel}
      className={mergeClasses(s.zone, over && s.over)}
      {...drop}
      data-testid="drop-zone"
    >
      <span>{m.dropZoneText}</span>
      <Button
        appearance={props.fileName === null ? 'primary' : 'secondary'}
        size={props.fileName === null ? 'large' : 'medium'}
        icon={<DocumentArrowUpRegular />}
        onClick={() => input.current?.click()}
      >
        {m.chooseFile}
      </Button>
      {picker}
      {props.fileName !== null && <span className={s.name}>{m.chosenFile(props.fileName)}</span>}
      {refusal}
    </div>
  );
}
